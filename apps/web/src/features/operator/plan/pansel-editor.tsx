import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { memo } from 'react';
import { bodyOptions, useOversightBodies } from '../../../api/oversight-bodies';
import { useTranslation } from 'react-i18next';
import { newMember, type MemberDraft } from './draft';
import { FindingList } from './finding-list';
import { patchAt, removeAt } from './list-edit';
import { panselShare } from './tallies';
import type { PlanJudgement } from './use-plan-check';
import { TableHead } from '../../round/table-head';

const BACKGROUNDS: MemberDraft['background'][] = [
  'jpt-same-government',
  'jpt-other-agency',
  'academic',
  'professional',
  'community',
];

/** The pansel's members, with its size and internal/external share, and the API's findings on them (R1-R3). */
export const PanselEditor = memo(function PanselEditor({
  decreeNumber,
  members,
  judgement,
  onChange,
}: {
  decreeNumber: string;
  members: MemberDraft[];
  judgement: PlanJudgement;
  onChange: (patch: { decreeNumber?: string; members?: MemberDraft[] }) => void;
}): React.JSX.Element {
  const { t } = useTranslation('operator');
  const bodies = bodyOptions(useOversightBodies());
  const share = panselShare(members, judgement.state === 'checked' ? judgement.check.internalMembers : null);
  const pct = (value: number) => Math.round(value * 100);
  return (
    <Stack gap="sm">
      <TextInput
        label={t('pansel.decree')}
        description={t('pansel.decreeHint')}
        required
        value={decreeNumber}
        onChange={(e) => onChange({ decreeNumber: e.currentTarget.value })}
        maw={420}
      />
      <Table.ScrollContainer minWidth={1300}>
        <Table>
          <TableHead
            columns={[
              t('pansel.name'),
              t('pansel.memberId'),
              t('pansel.employer'),
              t('pansel.background'),
              t('pansel.oversightBody'),
              t('pansel.party'),
              t('pansel.conflicts'),
              t('pansel.actions'),
            ]}
          />
          <Table.Tbody>
            {members.map((member, index) => (
              <MemberRow
                key={member.key}
                n={index + 1}
                member={member}
                bodies={bodies}
                onChange={(patch) => onChange({ members: patchAt(members, index, patch) })}
                onRemove={() => onChange({ members: removeAt(members, index) })}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button variant="light" onClick={() => onChange({ members: [...members, newMember()] })}>
          {t('pansel.add')}
        </Button>
      </Group>
      <Text size="sm" fw={500} data-testid="pansel-share">
        {share
          ? t('pansel.share', {
              size: share.size,
              internal: share.internal,
              internalPct: pct(share.internalShare),
              external: share.external,
              externalPct: pct(share.externalShare),
            })
          : t('pansel.shareWaiting', { size: members.length })}
      </Text>
      <FindingList judgement={judgement} section="pansel" label={t('pansel.checks')} />
    </Stack>
  );
});

function MemberRow({
  n,
  member,
  bodies,
  onChange,
  onRemove,
}: {
  n: number;
  member: MemberDraft;
  /** The oversight bodies the API lists (data, ADR 27). */
  bodies: Array<{ value: string; label: string }>;
  onChange: (patch: Partial<MemberDraft>) => void;
  onRemove: () => void;
}): React.JSX.Element {
  const { t } = useTranslation('operator');
  return (
    <Table.Tr data-member={member.memberId}>
      <Table.Td>
        <TextInput
          aria-label={t('pansel.nameOf', { n })}
          value={member.name}
          onChange={(e) => onChange({ name: e.currentTarget.value })}
          miw={220}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t('pansel.memberIdOf', { n })}
          value={member.memberId}
          onChange={(e) => onChange({ memberId: e.currentTarget.value })}
          miw={150}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t('pansel.employerOf', { n })}
          placeholder={t('pansel.employerHint')}
          value={member.employer}
          onChange={(e) => onChange({ employer: e.currentTarget.value })}
          maxLength={300}
          miw={240}
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={t('pansel.backgroundOf', { n })}
          value={member.background}
          onChange={(e) => onChange({ background: e.currentTarget.value as MemberDraft['background'] })}
          data={BACKGROUNDS.map((value) => ({ value, label: t(`background.${value}`) }))}
          miw={260}
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={t('pansel.oversightBodyOf', { n })}
          value={member.oversightBody ?? ''}
          onChange={(e) =>
            onChange({
              oversightBody: (e.currentTarget.value || null) as MemberDraft['oversightBody'] | null,
            })
          }
          data={[{ value: '', label: t('pansel.noBody') }, ...bodies]}
          miw={90}
        />
      </Table.Td>
      <Table.Td>
        <Checkbox
          aria-label={t('pansel.partyOf', { n })}
          checked={member.politicalPartyMember}
          onChange={(e) => onChange({ politicalPartyMember: e.currentTarget.checked })}
        />
      </Table.Td>
      <Table.Td>
        <Textarea
          aria-label={t('pansel.conflictsOf', { n })}
          placeholder={t('pansel.conflictsHint')}
          autosize
          minRows={1}
          value={member.conflicts}
          onChange={(e) => onChange({ conflicts: e.currentTarget.value })}
          miw={200}
        />
      </Table.Td>
      <Table.Td>
        <ActionIcon
          variant="subtle"
          color="red"
          c="red.9"
          aria-label={t('pansel.removeOf', { n })}
          onClick={onRemove}
        >
          ×
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}

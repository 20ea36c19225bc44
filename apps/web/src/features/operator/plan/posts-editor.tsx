import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../date-field';
import type { Rank } from '../types';
import { newPost, type PostDraft } from './draft';
import { patchAt, removeAt } from './list-edit';

const RANKS: Rank[] = ['III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e'];
const KINDS: PostDraft['kind'][] = ['regular', 'sekda', 'sekwan'];
const GROUNDS = ['law-violation', 'requirements-lost'] as const;

/** The posts to fill: title, id, kind (Sekda/Sekwan gates), competency standard (SKJ) and requirements. */
export const PostsEditor = memo(function PostsEditor({
  value,
  onChange,
}: {
  value: PostDraft[];
  onChange: (posts: PostDraft[]) => void;
}): React.JSX.Element {
  const { t } = useTranslation('operator');
  return (
    <Stack gap="md">
      {value.map((post, index) => (
        <PostFields
          key={post.key}
          n={index + 1}
          post={post}
          onChange={(patch) => onChange(patchAt(value, index, patch))}
          onRemove={value.length > 1 ? () => onChange(removeAt(value, index)) : undefined}
        />
      ))}
      <Group>
        <Button variant="light" onClick={() => onChange([...value, newPost()])}>
          {t('posts.add')}
        </Button>
      </Group>
    </Stack>
  );
});

function PostFields({
  n,
  post,
  onChange,
  onRemove,
}: {
  n: number;
  post: PostDraft;
  onChange: (patch: Partial<PostDraft>) => void;
  onRemove: (() => void) | undefined;
}): React.JSX.Element {
  const { t } = useTranslation('operator');
  const incumbent = post.incumbent;
  return (
    <Fieldset
      legend={t('posts.legend', { n, title: post.title || t('posts.untitled') })}
      data-post={post.postId}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('posts.title')}
            required
            value={post.title}
            onChange={(e) => onChange({ title: e.currentTarget.value })}
          />
          <TextInput
            label={t('posts.postId')}
            description={t('posts.postIdHint')}
            required
            value={post.postId}
            onChange={(e) => onChange({ postId: e.currentTarget.value })}
          />
          <NativeSelect
            label={t('posts.kind')}
            value={post.kind}
            onChange={(e) => onChange({ kind: e.currentTarget.value as PostDraft['kind'] })}
            data={KINDS.map((kind) => ({ value: kind, label: t(`postKind.${kind}`) }))}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Textarea
            label={t('posts.technical')}
            description={t('posts.perLine')}
            autosize
            minRows={2}
            value={post.technical}
            onChange={(e) => onChange({ technical: e.currentTarget.value })}
          />
          <Textarea
            label={t('posts.managerial')}
            description={t('posts.perLine')}
            autosize
            minRows={2}
            value={post.managerial}
            onChange={(e) => onChange({ managerial: e.currentTarget.value })}
          />
          <Textarea
            label={t('posts.socioCultural')}
            description={t('posts.perLine')}
            autosize
            minRows={2}
            value={post.socioCultural}
            onChange={(e) => onChange({ socioCultural: e.currentTarget.value })}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('posts.minRank')}
            value={post.minRank ?? ''}
            onChange={(e) => onChange({ minRank: (e.currentTarget.value || null) as Rank | null })}
            data={[
              { value: '', label: t('posts.noMinRank') },
              ...RANKS.map((rank) => ({ value: rank, label: rank })),
            ]}
          />
          <Textarea
            label={t('posts.notes')}
            description={t('posts.perLine')}
            autosize
            minRows={2}
            value={post.notes}
            onChange={(e) => onChange({ notes: e.currentTarget.value })}
            style={{ gridColumn: 'span 2' }}
          />
          <TextInput
            label={t('posts.paperTopic')}
            description={t('posts.paperTopicHint')}
            value={post.paperTopic}
            onChange={(e) => onChange({ paperTopic: e.currentTarget.value })}
            style={{ gridColumn: 'span 2' }}
          />
        </SimpleGrid>
        <Checkbox
          label={t('posts.replaces')}
          checked={incumbent !== null}
          onChange={(e) =>
            onChange({
              incumbent: e.currentTarget.checked
                ? { nip: '', inauguratedOn: null, removalGround: null }
                : null,
            })
          }
        />
        {incumbent && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('posts.incumbentNip')}
              value={incumbent.nip}
              onChange={(e) => onChange({ incumbent: { ...incumbent, nip: e.currentTarget.value } })}
            />
            <DateField
              label={t('posts.incumbentInaugurated')}
              value={incumbent.inauguratedOn}
              onChange={(date) => onChange({ incumbent: { ...incumbent, inauguratedOn: date } })}
            />
            <NativeSelect
              label={t('posts.removalGround')}
              value={incumbent.removalGround ?? ''}
              onChange={(e) =>
                onChange({
                  incumbent: {
                    ...incumbent,
                    removalGround: (e.currentTarget.value || null) as (typeof GROUNDS)[number] | null,
                  },
                })
              }
              data={[
                { value: '', label: t('posts.noGround') },
                ...GROUNDS.map((ground) => ({ value: ground, label: t(`removalGround.${ground}`) })),
              ]}
            />
          </SimpleGrid>
        )}
        {onRemove && (
          <Group justify="flex-end">
            <Button variant="subtle" color="red" c="red.9" onClick={onRemove}>
              {t('posts.remove', { n })}
            </Button>
          </Group>
        )}
      </Stack>
    </Fieldset>
  );
}

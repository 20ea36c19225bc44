import { Accordion, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DecisionResult, DecisionType } from '../../api/decisions';
import { OPERATOR_FORMS } from './forms';

/**
 * The operator's next decisions, one panel each; a panel's form (and its dry run against the API)
 * exists only while it is open, so a page with many posts asks the API only about what is looked at.
 */
export function DecisionSteps({
  roundId,
  postId,
  types,
  onDone,
}: {
  roundId: string;
  postId: string | null;
  types: readonly DecisionType[];
  onDone: (type: DecisionType, result: DecisionResult) => void;
}): React.JSX.Element {
  const { t } = useTranslation('operator');
  const { t: tc } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Accordion value={open} onChange={setOpen} variant="separated" data-steps={postId ?? 'round'}>
      {types.map((type) => {
        const Form = OPERATOR_FORMS[type];
        return (
          <Accordion.Item key={type} value={type} data-step={type}>
            <Accordion.Control>
              {tc(`commands.${type}`, { defaultValue: type })}
              <Text size="xs" c="gray.7">
                {t(`steps.${type}`, { defaultValue: '' })}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              {open === type && Form && (
                <Form roundId={roundId} postId={postId} onDone={(result) => onDone(type, result)} />
              )}
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}

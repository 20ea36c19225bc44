import { Alert, Code, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/call';
import { useRule } from './rules';

/**
 * A refused call in plain words: the reason in the reader's language, the API's stable code, and
 * for a rule the domain enforces its id, title and legal source (from GET /rules). Anything else
 * thrown (network, bug) gets a generic line.
 */
export function ProblemAlert({ failure, title }: { failure: unknown; title?: string }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const problem = failure instanceof ApiProblem ? failure.problem : undefined;
  const rule = useRule(problem?.ruleId);
  const language = i18n.language === 'en' ? 'en' : 'id';
  if (!problem) {
    const message =
      failure instanceof TypeError
        ? t('problem.network')
        : failure instanceof Error
          ? failure.message
          : String(failure);
    return (
      <Alert color="red" title={title ?? t('problem.title')} role="alert">
        {message}
      </Alert>
    );
  }
  const reason = problem.reason?.[language] ?? problem.detail ?? problem.title;
  return (
    <Alert
      color="red"
      title={title ?? t('problem.title')}
      role="alert"
      data-problem-code={problem.code}
      data-rule-id={problem.ruleId}
    >
      <Text>{reason}</Text>
      <Text size="sm" mt="xs">
        {t('problem.code')}: <Code>{problem.code}</Code>
      </Text>
      {problem.ruleId && (
        <Text size="sm" data-testid="problem-rule">
          {t('problem.rule')}: <strong>{problem.ruleId}</strong>
          {rule ? ` · ${rule.title[language]} · ${t('problem.source')}: ${rule.source}` : ''}
        </Text>
      )}
      {problem.errors && problem.errors.length > 0 && (
        <List size="sm" mt="xs">
          {problem.errors.map((error, index) => (
            <List.Item key={index}>
              {error.path ? <Code>{error.path}</Code> : null} {error.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { parseDate } from './date-parse';

/** A date picker in the reader's locale (DatesProvider in app.tsx) whose value is `YYYY-MM-DD`. */
export function DateField({
  label,
  value,
  onChange,
  description,
  required,
  minDate,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  description?: string;
  required?: boolean;
  minDate?: string;
}): React.JSX.Element {
  const { t } = useTranslation('operator');
  return (
    <DateInput
      label={label}
      description={description}
      required={required}
      value={value}
      onChange={onChange}
      valueFormat="D MMMM YYYY"
      dateParser={parseDate}
      clearable
      clearButtonProps={{ 'aria-label': t('dates.clear', { label }) }}
      minDate={minDate}
    />
  );
}

import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bodyOptions, useOversightBodies } from '../../../api/oversight-bodies';

/** An oversight body's letter (issuer and number); `letter` is null until the number is filled. Bodies are the API's data. */
export function useOversightLetter(): {
  letter: { issuedBy: string; letterNumber: string } | null;
  fields: React.ReactNode;
} {
  const { t } = useTranslation('operator');
  const bodies = useOversightBodies();
  const [chosen, setIssuedBy] = useState<string | null>(null);
  // Until the operator picks one, the body in office today (the API's succession decides).
  const issuedBy = chosen ?? bodies?.holder ?? '';
  const [number, setNumber] = useState('');
  const fields = (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <NativeSelect
        label={t('forms.issuedBy')}
        value={issuedBy}
        onChange={(e) => setIssuedBy(e.currentTarget.value)}
        data={bodyOptions(bodies)}
      />
      <TextInput
        label={t('forms.letterNumber')}
        required
        value={number}
        onChange={(e) => setNumber(e.currentTarget.value)}
      />
    </SimpleGrid>
  );
  return { letter: issuedBy && number.trim() ? { issuedBy, letterNumber: number.trim() } : null, fields };
}

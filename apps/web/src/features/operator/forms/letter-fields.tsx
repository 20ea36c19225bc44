import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Body = 'KASN' | 'BKN';

/** An oversight body's letter (issuer and number); `letter` is null until the number is filled. */
export function useOversightLetter(): {
  letter: { issuedBy: Body; letterNumber: string } | null;
  fields: React.ReactNode;
} {
  const { t } = useTranslation('operator');
  const [issuedBy, setIssuedBy] = useState<Body>('BKN');
  const [number, setNumber] = useState('');
  const fields = (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <NativeSelect
        label={t('forms.issuedBy')}
        value={issuedBy}
        onChange={(e) => setIssuedBy(e.currentTarget.value as Body)}
        data={['BKN', 'KASN']}
      />
      <TextInput
        label={t('forms.letterNumber')}
        required
        value={number}
        onChange={(e) => setNumber(e.currentTarget.value)}
      />
    </SimpleGrid>
  );
  return { letter: number.trim() ? { issuedBy, letterNumber: number.trim() } : null, fields };
}

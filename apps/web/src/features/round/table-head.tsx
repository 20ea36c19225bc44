import { Table } from '@mantine/core';

/** A table's header row: one column header (scope col) per label. */
export function TableHead({ columns }: { columns: readonly React.ReactNode[] }): React.JSX.Element {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((label, i) => (
          <Table.Th scope="col" key={i}>
            {label}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

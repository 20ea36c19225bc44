import { Loader } from '@mantine/core';
import type { Loaded } from '../../api/query';
import { ProblemAlert } from '../../components/problem-alert';

/** A part of a page that loads on its own (a tab, a section): a labelled loader, the refusal, or `children(data)`. */
export function LoadingOr<T>({
  loaded,
  label,
  children,
}: {
  loaded: Loaded<T>;
  label: string;
  children: (data: T) => React.ReactNode;
}): React.JSX.Element {
  if (loaded.state === 'loading') return <Loader size="sm" aria-label={label} />;
  if (loaded.state === 'failed') return <ProblemAlert failure={loaded.failure} />;
  return <>{children(loaded.data)}</>;
}

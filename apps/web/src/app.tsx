/** The console's shell. */
export function App(): React.JSX.Element {
  return <main>Selter</main>;
}

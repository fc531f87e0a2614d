const EXAMPLES = [
  'Add a task to buy milk tomorrow with high priority',
  'Show my pending tasks sorted by due date',
  'Water the plants every Monday',
  'Remind me to call John at 3pm tomorrow',
];

/** Starters for an empty conversation in offline mode, where only simple commands are understood. */
export function ExamplePrompts({ onPick }: { onPick: (text: string) => void }) {
  return (
    <section className="examples" aria-labelledby="examples-title">
      <h2 id="examples-title">Try one of these</h2>
      <p className="muted">No AI model is configured, so I understand simple English commands like:</p>
      <ul>
        {EXAMPLES.map((example) => (
          <li key={example}>
            <button type="button" className="example" onClick={() => onPick(example)}>
              {example}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

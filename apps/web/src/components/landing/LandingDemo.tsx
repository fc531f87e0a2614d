/** An example exchange drawn with the chat's own bubbles: lighter than a screenshot, and it follows the color scheme. */
export function LandingDemo() {
  return (
    <figure className="landing-demo card">
      <ol className="messages">
        <li className="message message-user">
          <div className="bubble">Add a task to buy milk tomorrow with high priority</div>
        </li>
        <li className="message message-assistant">
          <ul className="chips" aria-label="Actions taken">
            <li className="chip">add_task · buy milk</li>
          </ul>
          <div className="bubble markdown">
            <p>
              Added <strong>#1</strong> buy milk — high — due Thu 26 Nov 09:00.
            </p>
          </div>
        </li>
        <li className="message message-user">
          <div className="bubble">What is due this week?</div>
        </li>
        <li className="message message-assistant">
          <div className="bubble markdown">
            <p>Here are 2 tasks:</p>
            <ul>
              <li>
                <strong>#1</strong> buy milk — high — due Thu 26 Nov 09:00
              </li>
              <li>
                <strong>#2</strong> call John — due Fri 27 Nov 15:00
              </li>
            </ul>
          </div>
        </li>
      </ol>
      <figcaption className="muted">An example conversation.</figcaption>
    </figure>
  );
}

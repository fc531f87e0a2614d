import type { Metadata } from 'next';
import Link from 'next/link';
import { LandingDemo } from '@/components/landing/LandingDemo';
import { AppIcon } from '@/components/AppIcon';

export const metadata: Metadata = { title: { absolute: 'Todo Chatbot — an AI assistant for your to-do list' } };

const FEATURES = [
  {
    title: 'Say it, and it is on your list',
    text: '“Remind me to call John at 3pm tomorrow” adds the task with its due date and reminder. Ask what is due, mark things done, change priorities — or use the task view.',
  },
  {
    title: 'Works offline, without keys',
    text: 'With no AI key set, a built-in engine understands plain English commands. Add an OpenAI key, or any OpenAI-compatible server, to chat with a model.',
  },
  {
    title: 'Runs on Kubernetes the GitOps way',
    text: 'A Helm chart, Argo CD and one image per app for every environment: what is in Git is what runs.',
  },
];

/** For signed-out visitors (src/proxy.ts sends the signed-in to /chat): what this is, and the way in. */
export default function LandingPage() {
  return (
    <>
      <header className="landing-header">
        <span className="brand">
          <AppIcon size={28} />
          Todo Chatbot
        </span>
        <nav aria-label="Account" className="landing-nav">
          <Link href="/sign-in">Sign in</Link>
          <Link href="/sign-up" className="button-link">
            Sign up
          </Link>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="landing">
        <section className="hero" aria-labelledby="hero-title">
          <div className="hero-text">
            <h1 id="hero-title">Your to-do list, run by a conversation</h1>
            <p className="lead">
              Todo Chatbot is an AI assistant for your tasks: tell it what needs doing in plain words, and it adds,
              lists, completes and reminds you — with a task view beside the chat.
            </p>
            <p className="hero-actions">
              <Link href="/sign-up" className="button-link">
                Create a free account
              </Link>
              <Link href="/sign-in">I already have an account</Link>
            </p>
          </div>
          <LandingDemo />
        </section>
        <section aria-labelledby="features-title">
          <h2 id="features-title" className="visually-hidden">
            Features
          </h2>
          <ul className="features">
            {FEATURES.map(({ title, text }) => (
              <li key={title} className="card">
                <h3>{title}</h3>
                <p>{text}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </>
  );
}

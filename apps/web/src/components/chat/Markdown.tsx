import { Lexer, type Token, type Tokens } from 'marked';
import type { ReactNode } from 'react';
import { decodeEntities, safeHref } from './markdown-text';

/**
 * A reply as Markdown (GitHub flavour; a single newline is a line break, as people type in chat).
 * marked only parses; the tokens become React elements here, so nothing is ever set as HTML: raw HTML
 * in a reply shows as text, only http(s), mailto and same-site links are made links, and images are
 * not loaded (a reply could point one at any server and learn it was read) but offered as links.
 */
export function Markdown({ text }: { text: string }) {
  return <>{blocks(Lexer.lex(text, { gfm: true, breaks: true }))}</>;
}

function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const safe = safeHref(href);
  if (!safe) return <>{children}</>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

const blocks = (tokens: Token[]): ReactNode[] => tokens.map(block);

function block(token: Token, key: number): ReactNode {
  switch (token.type) {
    case 'paragraph':
      return <p key={key}>{inline((token as Tokens.Paragraph).tokens)}</p>;
    case 'heading': {
      // Headings in a reply are styled as bold lines: they must not break the page's own outline.
      return (
        <p key={key} className="md-heading">
          <strong>{inline((token as Tokens.Heading).tokens)}</strong>
        </p>
      );
    }
    case 'list':
      return list(token as Tokens.List, key);
    case 'code':
      return (
        <pre key={key}>
          <code>{(token as Tokens.Code).text}</code>
        </pre>
      );
    case 'blockquote':
      return <blockquote key={key}>{blocks((token as Tokens.Blockquote).tokens)}</blockquote>;
    case 'table':
      return table(token as Tokens.Table, key);
    case 'hr':
      return <hr key={key} />;
    case 'space':
    case 'def':
      return null;
    case 'text': {
      // A tight list item's text: inline content, no paragraph around it.
      const { tokens, text } = token as Tokens.Text;
      return <span key={key}>{tokens ? inline(tokens) : decodeEntities(text)}</span>;
    }
    default:
      return <p key={key}>{token.raw}</p>;
  }
}

function list(token: Tokens.List, key: number): ReactNode {
  const items = token.items.map((item, index) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: a parsed reply's items never reorder.
    <li key={index}>
      {item.task && <span aria-hidden="true">{item.checked ? '☑ ' : '☐ '}</span>}
      {item.task && <span className="visually-hidden">{item.checked ? 'done: ' : 'not done: '}</span>}
      {blocks(item.tokens.filter((child) => child.type !== 'checkbox'))}
    </li>
  ));
  if (!token.ordered) return <ul key={key}>{items}</ul>;
  return (
    <ol key={key} start={token.start === '' || token.start === 1 ? undefined : token.start}>
      {items}
    </ol>
  );
}

function table(token: Tokens.Table, key: number): ReactNode {
  const align = (index: number) => token.align[index] ?? undefined;
  return (
    // A wide table scrolls on its own instead of widening the page; keyboard users can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <section key={key} className="table-scroll" aria-label="Table" tabIndex={0}>
      <table>
        <thead>
          <tr>
            {token.header.map((cell, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns never reorder.
              <th key={index} style={{ textAlign: align(index) }}>
                {inline(cell.tokens)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {token.rows.map((row, rowIndex) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows never reorder.
            <tr key={rowIndex}>
              {row.map((cell, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns never reorder.
                <td key={index} style={{ textAlign: align(index) }}>
                  {inline(cell.tokens)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const inline = (tokens: Token[]): ReactNode[] => tokens.map(span);

function span(token: Token, key: number): ReactNode {
  switch (token.type) {
    case 'text': {
      const { tokens, text } = token as Tokens.Text;
      return tokens ? <span key={key}>{inline(tokens)}</span> : decodeEntities(text);
    }
    case 'strong':
      return <strong key={key}>{inline((token as Tokens.Strong).tokens)}</strong>;
    case 'em':
      return <em key={key}>{inline((token as Tokens.Em).tokens)}</em>;
    case 'del':
      return <del key={key}>{inline((token as Tokens.Del).tokens)}</del>;
    case 'codespan':
      return <code key={key}>{(token as Tokens.Codespan).text}</code>;
    case 'br':
      return <br key={key} />;
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'link': {
      const link = token as Tokens.Link;
      return (
        <ExternalLink key={key} href={link.href}>
          {inline(link.tokens)}
        </ExternalLink>
      );
    }
    case 'image': {
      const image = token as Tokens.Image;
      return (
        <ExternalLink key={key} href={image.href}>
          {image.text || image.href}
        </ExternalLink>
      );
    }
    default:
      // Raw HTML and anything unknown: shown as the text it is.
      return token.raw;
  }
}

import { useState } from 'react';
import { storedToken } from '../auth';

/**
 * The lead officer's statement as PDF. The hub wants the bearer token on /documents too, which a
 * plain link cannot send: the app fetches the PDF and opens it from a blob URL.
 */
export function DocumentLinks({ caseId }: { caseId: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const open = async (path: string) => {
    setMessage(null);
    const response = await fetch(path, { headers: { authorization: `Bearer ${storedToken()}` } });
    if (!response.ok) {
      setMessage(
        response.status === 404
          ? 'Not available to your partner.'
          : `The document could not be made (${response.status}).`,
      );
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    window.open(url, '_blank', 'noopener');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">Documents</h2>
      <button type="button" onClick={() => void open(`/documents/cases/${caseId}/statement.pdf`)}>
        Lead officer statement (PDF)
      </button>{' '}
      <button type="button" onClick={() => void open(`/documents/cases/${caseId}/statement.html`)}>
        Statement (web page)
      </button>
      {message && <p role="alert">{message}</p>}
    </section>
  );
}

import { useEffect, useState, type AnchorHTMLAttributes } from 'react';

// A dozen screens need no routing library: paths under /app, the History API, and a popstate
// listener. Every screen has its own URL, so a link can be shared or opened in a new tab.

const BASE = '/app';

export function navigate(to: string) {
  history.pushState(null, '', BASE + to);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** The path under /app, e.g. "/cases/123". */
export function useRoute(): string {
  const read = () => location.pathname.replace(/^\/app/, '') || '/';
  const [path, setPath] = useState(read);
  useEffect(() => {
    const update = () => setPath(read());
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return path;
}

export function Link({
  to,
  ...rest
}: { to: string } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  return (
    <a
      {...rest}
      href={BASE + to}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to);
      }}
    />
  );
}

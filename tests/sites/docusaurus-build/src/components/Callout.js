// A component of the site's own: its title attribute and text children are translated.
import React from 'react';

export default function Callout({title, children}) {
  return (
    <aside className="callout">
      <strong className="callout-title">{title}</strong>
      <div className="callout-body">{children}</div>
    </aside>
  );
}

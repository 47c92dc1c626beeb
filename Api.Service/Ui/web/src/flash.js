// A message that outlives one navigation (e.g. "Saved revision 1" shown on the page a new flow moves to).
let pending = null;

export const setFlash = (message) => { pending = message; };

export function takeFlash() {
  const message = pending;
  pending = null;
  return message;
}

import type { FeedbackFieldOption } from '@/lib/core/types';
import type { PageFormField } from '../form-model';
import {
  controlledPopups,
  fieldControl,
  isDisabled,
  isVisible,
  listboxOptions,
  looksLikeSubmit,
  optionFromElement,
} from '../generic-reader';

/**
 * Custom selects (Ashby's popups, Headless UI, Radix) render their options only while open, so a reader sees none and
 * the planner cannot choose. `peekListboxOptions` opens each such select once, reads the options, closes it again and
 * remembers them for every later read of the page. Reading stays free of side effects; only the peek touches the page.
 */

// Keyed by the trigger element: a re-rendered select is a new element and is looked at again.
const remembered = new WeakMap<Element, FeedbackFieldOption[]>();
const inFlight = new WeakMap<Element, Promise<FeedbackFieldOption[]>>();

const openWaitMilliseconds = 400;
const pollMilliseconds = 20;

/** Options seen in this select's popup earlier, or `undefined` when it was never opened. */
export function rememberedListboxOptions(trigger: Element): FeedbackFieldOption[] | undefined {
  return remembered.get(trigger);
}

/**
 * Opens, reads and closes each custom select among `fields` whose options are not known yet, one at a time. Returns
 * how many selects yielded options; read the form again to see them. Never submits and gives focus back.
 */
export async function peekListboxOptions(fields: PageFormField[]): Promise<number> {
  let learned = 0;
  for (const field of fields) {
    if (field.options.length > 0) continue;
    const control = fieldControl(field);
    if (control?.kind !== 'listbox') continue;
    const options = await peekOne(control.element, field.element);
    if (options.length > 0) learned++;
  }
  return learned;
}

function peekOne(trigger: HTMLElement, container: Element): Promise<FeedbackFieldOption[]> {
  const known = remembered.get(trigger);
  if (known) return Promise.resolve(known);
  const running = inFlight.get(trigger);
  if (running) return running;
  const peek = peekIntoPopup(trigger, container).finally(() => inFlight.delete(trigger));
  inFlight.set(trigger, peek);
  return peek;
}

async function peekIntoPopup(trigger: HTMLElement, container: Element): Promise<FeedbackFieldOption[]> {
  const present = listboxOptions(trigger, container);
  if (present.length > 0) {
    remembered.set(trigger, present);
    return present;
  }
  // The interviewer has it open, or it cannot be opened: leave it alone and try again on a later read.
  if (trigger.getAttribute('aria-expanded') === 'true' || !isVisible(trigger) || isDisabled(trigger)) return [];
  if (looksLikeSubmit(trigger) || isSubmitButton(trigger)) return [];

  const focused = document.activeElement;
  const selection = saveSelection();
  const listboxesBefore = new Set(document.querySelectorAll('[role="listbox"]'));
  const blockSubmit = (event: Event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  window.addEventListener('submit', blockSubmit, true);
  let popups: HTMLElement[] = [];
  let options: FeedbackFieldOption[];
  try {
    trigger.click();
    const deadline = Date.now() + openWaitMilliseconds;
    for (;;) {
      popups = openPopups(trigger, listboxesBefore);
      options = popups.flatMap((popup) => Array.from(popup.querySelectorAll('[role="option"]'))).map(optionFromElement);
      if (options.length > 0 || Date.now() >= deadline) break;
      await sleep(pollMilliseconds);
    }
  } finally {
    await close(trigger, popups, listboxesBefore);
    window.removeEventListener('submit', blockSubmit, true);
    restoreFocus(focused, selection);
  }
  // Remembered even when empty, so a select that shows nothing is not poked again on every re-read.
  remembered.set(trigger, options);
  return options;
}

function isSubmitButton(element: Element): boolean {
  return element instanceof HTMLButtonElement && element.type === 'submit' && element.form !== null;
}

function openPopups(trigger: HTMLElement, before: Set<Element>): HTMLElement[] {
  const named = controlledPopups(trigger);
  if (named.length > 0) return named;
  // Popups portaled to <body> without aria-controls: whatever listbox appeared since the click.
  return Array.from(document.querySelectorAll<HTMLElement>('[role="listbox"]')).filter(
    (listbox) => !before.has(listbox) && isVisible(listbox),
  );
}

function isOpen(trigger: HTMLElement, popups: HTMLElement[], before: Set<Element>): boolean {
  if (trigger.getAttribute('aria-expanded') === 'true') return true;
  if (trigger.hasAttribute('aria-expanded')) return false;
  return [...popups, ...openPopups(trigger, before)].some((popup) => popup.isConnected && isVisible(popup));
}

/** Escape first (every listbox pattern handles it), then the trigger again (toggles), then a press outside. */
async function close(trigger: HTMLElement, popups: HTMLElement[], before: Set<Element>): Promise<void> {
  const steps: Array<() => void> = [
    () => {
      const active = document.activeElement;
      const target =
        active instanceof HTMLElement && popups.some((popup) => popup.contains(active))
          ? active
          : (popups[0] ?? trigger);
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    },
    () => trigger.click(),
    () => {
      const init = { bubbles: true, cancelable: true, button: 0 };
      document.body.dispatchEvent(new PointerEvent('pointerdown', init));
      document.body.dispatchEvent(new MouseEvent('mousedown', init));
      document.body.dispatchEvent(new MouseEvent('mouseup', init));
    },
  ];
  for (const step of steps) {
    await sleep(0);
    if (!isOpen(trigger, popups, before)) return;
    step();
  }
  await sleep(0);
}

function saveSelection(): Range[] {
  const selection = window.getSelection();
  if (!selection) return [];
  return Array.from({ length: selection.rangeCount }, (_, index) => selection.getRangeAt(index).cloneRange());
}

function restoreFocus(focused: Element | null, ranges: Range[]): void {
  if (focused instanceof HTMLElement && focused !== document.body && focused.isConnected) {
    if (document.activeElement !== focused) focused.focus({ preventScroll: true });
  } else if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
    document.activeElement.blur();
  }
  const selection = window.getSelection();
  if (!selection || ranges.length === 0) return;
  selection.removeAllRanges();
  for (const range of ranges) selection.addRange(range);
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

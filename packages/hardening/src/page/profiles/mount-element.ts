/**
 * What every profile's `mount` does once it has its backend: the element on the faulty adapter,
 * in English and the Denver zone, opening `token` where it has one, with the page's attributes,
 * placed on the stage and (unless told not to) waited for until its first usable state.
 */
import type { PxmAdapter } from '@pxm/core';
import type { FaultyAdapter } from '@pxm/adapter-testkit/faults';
import type { ElementTag, MountOptions } from './profile.js';

interface ProfiledElement extends HTMLElement {
  adapter: PxmAdapter | undefined;
  locale: string;
  timeZone: string | undefined;
  token?: string;
}

export async function mountElement(
  stage: HTMLElement,
  tag: ElementTag,
  faults: FaultyAdapter,
  options: MountOptions,
  ready: (element: HTMLElement) => Promise<void>,
  token?: string,
): Promise<HTMLElement> {
  options.prepare?.(faults);
  const element = document.createElement(tag) as unknown as ProfiledElement;
  element.adapter = faults.adapter;
  element.locale = 'en';
  element.timeZone = 'America/Denver';
  if (token !== undefined) element.token = token;
  for (const [name, value] of Object.entries(options.attributes ?? {})) element.setAttribute(name, value);
  stage.append(element);
  if (options.wait !== false) await ready(element);
  return element;
}

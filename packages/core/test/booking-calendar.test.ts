import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressLine, appointmentIcs, googleCalendarUrl, mapLink, outlookCalendarUrl } from '@pxm/core/booking-display';
import { demoLocations } from '@pxm/core/demo';

/** Checks the parts of RFC 5545 a calendar import depends on; returns every problem found. */
function rfc5545Problems(ics: string): string[] {
  const problems: string[] = [];
  if (!ics.endsWith('\r\n')) problems.push('does not end with CRLF');
  if (/[^\r]\n/.test(ics) || /\r[^\n]/.test(ics)) problems.push('bare CR or LF');
  const physical = ics.slice(0, -2).split('\r\n');
  for (const line of physical) if (new TextEncoder().encode(line).length > 75) problems.push(`line over 75 octets: ${line}`);
  // Unfold (RFC 5545 3.1), then check each content line: name *(";" param) ":" value.
  const lines = physical.reduce<string[]>((all, line) => {
    if (line.startsWith(' ') || line.startsWith('\t')) all[all.length - 1] += line.slice(1);
    else all.push(line);
    return all;
  }, []);
  const contentLine = /^[A-Za-z0-9-]+(;[A-Za-z0-9-]+=("[^"]*"|[^;:,"]*)(,("[^"]*"|[^;:,"]*))*)*:.*$/;
  const stack: Array<{ name: string; props: Map<string, string[]> }> = [];
  const components: Array<{ name: string; props: Map<string, string[]> }> = [];
  for (const line of lines) {
    if (!contentLine.test(line)) problems.push(`not a content line: ${line}`);
    const [name = '', ...rest] = line.split(':');
    const value = rest.join(':');
    const key = name.split(';')[0]!.toUpperCase();
    if (key === 'BEGIN') stack.push({ name: value, props: new Map() });
    else if (key === 'END') {
      const open = stack.pop();
      if (open?.name !== value) problems.push(`END:${value} closes ${open?.name ?? 'nothing'}`);
      else components.push(open);
    } else {
      const props = stack[stack.length - 1]?.props;
      if (!props) problems.push(`property outside a component: ${line}`);
      else props.set(key, [...(props.get(key) ?? []), value]);
    }
    if (['SUMMARY', 'DESCRIPTION', 'LOCATION'].includes(key) && /(^|[^\\])[,;]/.test(value)) problems.push(`unescaped TEXT: ${line}`);
  }
  if (stack.length) problems.push('unclosed component');
  const dateTime = /^\d{8}T\d{6}Z$/;
  for (const component of components) {
    const one = (prop: string) => component.props.get(prop)?.length === 1;
    if (component.name === 'VCALENDAR' && !(one('VERSION') && one('PRODID'))) problems.push('VCALENDAR needs one VERSION and one PRODID');
    if (component.name === 'VEVENT') {
      for (const prop of ['UID', 'DTSTAMP', 'DTSTART', 'DTEND']) if (!one(prop)) problems.push(`VEVENT needs one ${prop}`);
      const start = component.props.get('DTSTART')?.[0] ?? '';
      const end = component.props.get('DTEND')?.[0] ?? '';
      if (!dateTime.test(start) || !dateTime.test(end)) problems.push(`not UTC DATE-TIME: ${start} ${end}`);
      if (end <= start) problems.push('DTEND is not after DTSTART');
    }
    if (component.name === 'VALARM' && !(one('ACTION') && one('TRIGGER') && one('DESCRIPTION'))) problems.push('VALARM needs ACTION, TRIGGER, DESCRIPTION');
  }
  if (!components.some((c) => c.name === 'VCALENDAR')) problems.push('no VCALENDAR');
  return problems;
}

const visit = {
  appointmentId: 'appt-123',
  start: '2027-03-16T09:00:00-06:00',
  end: '2027-03-16T09:45:00-06:00',
  title: 'Follow-up visit, Cedar Ridge Physical Therapy',
  location: '3456 W 32nd Ave, Denver, CO 80211',
  description: 'Bring: photo ID; your insurance card, comfortable clothes.\nCancel 24 h ahead.',
  manageUrl: 'https://cedarridge.example/book#pxm-manage=abc123',
};

describe('appointment .ics', () => {
  it('is valid RFC 5545 with UTC times, escaped text, a reminder and a stable UID', () => {
    const ics = appointmentIcs([visit], { stamp: new Date('2027-03-01T12:00:00Z'), calendarName: 'Cedar Ridge' });
    assert.deepEqual(rfc5545Problems(ics), []);
    assert.match(ics, /\r\nDTSTART:20270316T150000Z\r\n/);
    assert.match(ics, /\r\nDTEND:20270316T154500Z\r\n/);
    assert.match(ics, /\r\nUID:appt-123@pxm-elements\r\n/);
    assert.match(ics, /TRIGGER:-PT60M/);
    assert.match(ics, /URL:https:\/\/cedarridge.example\/book#pxm-manage=abc123/);
  });

  it('writes one event per visit of a series, and no alarm when asked', () => {
    const series = [0, 2, 7].map((day) => ({
      ...visit,
      appointmentId: `appt-${day}`,
      start: new Date(Date.parse(visit.start) + day * 86_400_000).toISOString(),
      end: new Date(Date.parse(visit.end) + day * 86_400_000).toISOString(),
    }));
    const ics = appointmentIcs(series, { alarmMinutesBefore: 0 });
    assert.deepEqual(rfc5545Problems(ics), []);
    assert.equal(ics.match(/BEGIN:VEVENT/g)?.length, 3);
    assert.equal(new Set(ics.match(/UID:[^\r]+/g)).size, 3);
    assert.ok(!ics.includes('VALARM'));
  });

  it('the validator itself catches broken files', () => {
    assert.ok(rfc5545Problems('BEGIN:VCALENDAR\nEND:VCALENDAR\n').length > 0);
    assert.ok(rfc5545Problems('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n').some((p) => p.includes('DTSTART')));
    assert.ok(rfc5545Problems('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nSUMMARY:a,b\r\nEND:VCALENDAR\r\n').some((p) => p.includes('unescaped')));
  });
});

describe('calendar links', () => {
  const event = { title: 'Visit at Cedar Ridge', start: visit.start, end: visit.end, location: visit.location, timeZone: 'America/Denver' };

  it('Google: UTC dates range, encoded text, display zone', () => {
    const url = new URL(googleCalendarUrl(event));
    assert.equal(url.origin, 'https://calendar.google.com');
    assert.equal(url.searchParams.get('action'), 'TEMPLATE');
    assert.equal(url.searchParams.get('dates'), '20270316T150000Z/20270316T154500Z');
    assert.equal(url.searchParams.get('text'), 'Visit at Cedar Ridge');
    assert.equal(url.searchParams.get('location'), visit.location);
    assert.equal(url.searchParams.get('ctz'), 'America/Denver');
  });

  it('Outlook: compose deep link with ISO UTC start and end', () => {
    const url = new URL(outlookCalendarUrl(event));
    assert.equal(url.hostname, 'outlook.live.com');
    assert.equal(url.searchParams.get('rru'), 'addevent');
    assert.equal(url.searchParams.get('startdt'), '2027-03-16T15:00:00.000Z');
    assert.equal(url.searchParams.get('enddt'), '2027-03-16T15:45:00.000Z');
    assert.equal(url.searchParams.get('subject'), 'Visit at Cedar Ridge');
    assert.equal(url.searchParams.get('body'), null, 'absent fields are left out');
  });
});

describe('location text', () => {
  it('reads the address on one line and links a map search for it', () => {
    const phoenix = demoLocations.find((l) => l.id === 'phoenix-arcadia')!;
    assert.equal(addressLine(phoenix.address), '4020 E Camelback Rd, Suite 110, Phoenix, AZ 85018');
    assert.equal(new URL(mapLink(phoenix)).searchParams.get('query'), '4020 E Camelback Rd, Suite 110, Phoenix, AZ 85018');
    assert.equal(mapLink({ ...phoenix, mapUrl: 'https://maps.example/x' }), 'https://maps.example/x');
  });
});

// What the popup sends to follow a punkt's case: keyed exactly as the background keys meetings and
// annotations (lib/db/keys), so the follow matches the remembered appearances.
import { caseKeyOf, meetingKeyOf, municipalityOf } from '../db/keys';
import type { Meeting, Punkt } from '../model/minutes';
import type { FollowInput } from './api';

export function followInputOf(
  meeting: Pick<Meeting, 'municipality' | 'committee' | 'date'>,
  url: string,
  punkt: Pick<Punkt, 'number' | 'title' | 'caseNumber'>,
): FollowInput | null {
  const municipality = municipalityOf(meeting.municipality, url);
  const meetingKey = meetingKeyOf(municipality, meeting.committee, meeting.date, url);
  const caseKey = caseKeyOf(municipality, punkt.caseNumber, meetingKey, punkt.number);
  if (!caseKey) return null;
  return { caseKey, municipality, caseNumber: punkt.caseNumber, title: punkt.title };
}

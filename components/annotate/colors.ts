import { ANNOTATION_COLORS, type AnnotationColor } from '../../lib/model/annotation';
import { type MessageKey, t } from '../i18n';

const NAME_KEYS: Record<AnnotationColor, MessageKey> = {
  yellow: 'colorYellow',
  green: 'colorGreen',
  blue: 'colorBlue',
  pink: 'colorPink',
  purple: 'colorPurple',
};

/** Swatch colours (opaque versions of lib/anchoring's highlight colours). */
export const SWATCH: Record<AnnotationColor, string> = {
  yellow: '#ffdd00',
  green: '#50c878',
  blue: '#50a0ff',
  pink: '#ff6eb4',
  purple: '#aa6eff',
};

export function colorName(c: AnnotationColor): string {
  return t(NAME_KEYS[c]);
}

export { ANNOTATION_COLORS };

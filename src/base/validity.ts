import type { Validity } from '../schema/types.generated.js';

/** A symbol per 有效性, so the state never depends on colour alone. */
export const VALIDITY_ICON: Record<Validity, string> = {
  effective: '✓',
  amended: '↻',
  abolished: '✕',
  expired: '⊘',
  pending: '◷',
};

/** States a reader must be warned about before trusting the text. */
export const isOutOfForce = (validity: Validity | undefined): validity is 'abolished' | 'expired' | 'amended' =>
  validity === 'abolished' || validity === 'expired' || validity === 'amended';

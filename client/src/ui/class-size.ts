// "需 4–6 名学员" / "4–6 trainees": the minimum to start and the ideal class.
import type { TFunction } from 'i18next';
import type { ClassSize } from '../../../shared/meeting/seats.ts';

export function traineesLabel(t: TFunction, size: ClassSize): string {
  const range = size.min === size.ideal ? `${size.min}` : `${size.min}–${size.ideal}`;
  return t('library.trainees', { range, count: size.ideal });
}

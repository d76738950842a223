// A trainee on the roster, as the instructor keeps them: who they are and
// where they serve. Pure: the checks and the way a name is shown masked.
import { z } from 'zod';

/** The fields a person has (the personal code and ids are the server's). */
export const personFieldsSchema = z.object({
  name: z.string().trim().min(1).max(40),
  /** 居民区/村: two people of the same name are told apart by it. */
  community: z.string().trim().max(60).default(''),
  /** 街镇. */
  town: z.string().trim().max(60).default(''),
  /** 书记, 居委会主任, 两委委员, 楼组长, 团购团长, 业委会主任, volunteer… as the institute writes it. */
  position: z.string().trim().max(60).default(''),
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[0-9+\- ]*$/, 'digits, spaces, + and - only')
    .optional()
    .transform((p) => (p ? p : undefined)),
  note: z.string().trim().max(500).default(''),
});
export type PersonFields = z.infer<typeof personFieldsSchema>;

export interface Person extends PersonFields {
  id: string;
  createdAt: number;
  updatedAt: number;
}

/** Same name and same community: the same person (a roster holds them once). */
export function samePersonKey(p: { name: string; community: string }): string {
  return `${p.name.trim()}\u0000${p.community.trim()}`;
}

/**
 * A name as the join page shows it before the person confirms with their
 * code: first and last character, the middle masked (王小华 → 王*华, 李明 → 李*,
 * 欧阳文清 → 欧**清). A one-character name shows as it is.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

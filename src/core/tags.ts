const NON_ASCII = /[^\0-\x7f]/;

/** Hashtags compare without case, accents or '#': #CaídaFibraNova and caidafibranova are one tag. */
export function tagKey(tag: string): string {
  const bare = tag.replace(/^#/, "");
  // ASCII has nothing to decompose and no marks to drop (import computes keys for every post)
  if (!NON_ASCII.test(bare)) return bare.toLowerCase();
  return bare.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

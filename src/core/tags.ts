/** Hashtags compare without case, accents or '#': #CaídaFibraNova and caidafibranova are one tag. */
export function tagKey(tag: string): string {
  return tag.replace(/^#/, "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

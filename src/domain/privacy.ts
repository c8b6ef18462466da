/** Personal information (个人信息保护法): full phone numbers only for staff who need them. */
export function maskPhone(phone: string | undefined): string {
  if (!phone) return '';
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** A name shown to people who need not know it in full: 张三丰 → 张**. */
export function maskName(name: string): string {
  return name.length <= 1 ? name : `${name[0]}${'*'.repeat(Math.min(name.length - 1, 2))}`;
}

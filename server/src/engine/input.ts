/**
 * Recognises input that is not text, or text decoded with the wrong encoding, so the
 * user gets one clear finding instead of hundreds of wrong ones.
 */
import { Finding } from './types';
import { finding } from './rules/helpers';

export interface InputVerdict {
  kind: 'ok' | 'binary' | 'mis-decoded' | 'empty';
  finding?: Finding;
}

/** Looks at a prefix of the text (enough to judge, cheap on huge files). */
export function judgeInput(text: string): InputVerdict {
  if (!text.trim()) return { kind: 'empty' };
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  let control = 0;
  let replacement = 0;
  let nul = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) nul++;
    else if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 127) control++;
    else if (c === 0xfffd) replacement++;
  }
  const n = sample.length;
  if (nul > 0 && (nul + control) / n > 0.01) {
    return {
      kind: 'binary',
      finding: finding({
        rule: 'artifact/binary',
        category: 'artifact',
        severity: 'error',
        message: `This looks like a binary file, not text (${nul} NUL bytes, ${control} control characters in the first ${n} characters); nothing else was checked.`,
        messageZh: `这看起来是二进制文件而不是文本(前 ${n} 个字符中有 ${nul} 个 NUL 字节、${control} 个控制字符),未做其他检查。`,
        start: 0,
        end: Math.min(text.length, firstLineEnd(text)),
      }),
    };
  }
  if (replacement >= 8 && replacement / n > 0.02) {
    return {
      kind: 'mis-decoded',
      finding: finding({
        rule: 'artifact/wrong-encoding',
        category: 'artifact',
        severity: 'error',
        message: `The text looks wrongly decoded: ${replacement} U+FFFD replacement characters. Reopen it with its real encoding (GBK/GB18030, Big5?).`,
        messageZh: `文本疑似解码错误:含 ${replacement} 个 U+FFFD 替换字符。请用正确的编码(GBK/GB18030、Big5?)重新打开。`,
        start: 0,
        end: Math.min(text.length, firstLineEnd(text)),
      }),
    };
  }
  return { kind: 'ok' };
}

function firstLineEnd(text: string): number {
  const i = text.search(/[\r\n]/);
  return i < 0 ? Math.min(text.length, 200) : i;
}

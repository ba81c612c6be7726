import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guessLanguage, languageFor } from './languages.ts';

describe('languageFor', () => {
  const cases: Array<[string, string]> = [
    ['drivers/leds/leds-foo.c', 'c'], ['include/linux/leds.h', 'c'], ['arch/arm64/boot/dts/x.dts', 'c'], ['x.dtsi', 'c'],
    ['Documentation/devicetree/bindings/leds/x.yaml', 'yaml'], ['rust/kernel/led.rs', 'rust'], ['scripts/x.py', 'python'],
    ['tools/testing/x.sh', 'shellscript'], ['drivers/leds/Makefile', 'make'], ['Makefile.lib', 'make'], ['drivers/leds/Kconfig', 'text'],
    ['x.json', 'json'], ['Documentation/leds/index.rst', 'rst'], ['MAINTAINERS', 'text'], ['arch/x86/entry.S', 'asm'], ['a.txt', 'text'],
  ];
  for (const [path, lang] of cases) it(`reads ${path} as ${lang}`, () => assert.equal(languageFor(path), lang));
});

describe('guessLanguage', () => {
  it('reads code as C, key: value lines as YAML, prose as text', () => {
    assert.equal(guessLanguage(['\tmutex_lock(&group->group_lock);', '}']), 'c');
    assert.equal(guessLanguage(['properties:', '  compatible:', '    const: x']), 'yaml');
    assert.equal(guessLanguage(['just words']), 'text');
  });
});

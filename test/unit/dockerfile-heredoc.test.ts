// Red team: heredoc bodies (`RUN <<EOF` … `EOF`) are content to BuildKit, not instructions. Read
// as instructions, a `FROM scratch AS evil.example/x:1` written in a body made the real
// `FROM evil.example/x:1` a stage name (so it was never listed), and a terminator that looks like
// a comment (`#X`) joined the real FROM to the body's last line. The rules are BuildKit's:
// moby/buildkit frontend/dockerfile/parser/parser.go (Parse, canContainHeredoc, heredocsFromLine,
// ParseHeredoc), checked against that parser.
import { describe, expect, it } from 'vitest';
import { readDockerfile } from '../../src/core/manifests/dockerfile.js';
import { findImages } from '../../src/core/manifests/files.js';

const D = `alpine@sha256:${'0'.repeat(64)}`;
const images = (text: string) => readDockerfile('Dockerfile', text).map((o) => o.image);
const lines = (...l: string[]) => l.join('\n') + '\n';

describe('Dockerfile heredocs: the body is never an instruction', () => {
  it('a stage name written in a heredoc body does not shadow the real FROM (COPY, RUN, ADD)', () => {
    for (const op of ['COPY <<EOF /notes', 'RUN <<EOF', 'ADD <<EOF /notes', 'run <<EOF'])
      expect(
        images(
          lines(
            `FROM ${D}`,
            op,
            'FROM scratch AS evil.example/x:1',
            'EOF',
            'FROM evil.example/x:1',
          ),
        ),
      ).toEqual([D, 'evil.example/x:1']);
    // Nor the image COPY --from= pulls.
    expect(
      images(
        lines(
          `FROM ${D}`,
          'COPY <<EOF /n',
          'FROM scratch AS tools',
          'EOF',
          'COPY --from=tools /a /a',
        ),
      ),
    ).toEqual([D, 'tools']);
  });

  it('a terminator that looks like a comment still ends the body, and a body line ending in \\ continues nothing', () => {
    expect(
      images(lines(`FROM ${D}`, 'RUN <<#X', 'echo \\', '#X', 'FROM evil.example/x:1')),
    ).toEqual([D, 'evil.example/x:1']);
  });

  it('reads nothing in a body: FROM, comments, directives, continuations, empty lines', () => {
    expect(
      images(
        lines(
          'FROM good:1',
          'RUN <<EOF',
          '# escape=`',
          'FROM body:1 \\',
          '',
          'FROM body:2',
          'EOF',
          'FROM after:1',
        ),
      ),
    ).toEqual(['good:1', 'after:1']);
  });

  it('ends the body at the first line equal to the word, a trailing CR dropped, nothing else trimmed', () => {
    const text = lines(
      'FROM good:1',
      'RUN <<EOF',
      ' EOF',
      'EOF ',
      'FROM body:1',
      'EOF\r',
      'FROM after:1',
    );
    expect(images(text)).toEqual(['good:1', 'after:1']);
  });

  it('<<- strips leading tabs from the terminator; << does not', () => {
    expect(images(lines('FROM good:1', 'RUN <<-EOF', '\techo', '\t\tEOF', 'FROM after:1'))).toEqual(
      ['good:1', 'after:1'],
    );
    expect(
      images(lines('FROM good:1', 'RUN <<EOF', '\tEOF', 'FROM body:1', 'EOF', 'FROM after:1')),
    ).toEqual(['good:1', 'after:1']);
    // Only tabs: an indented terminator is body under <<- too.
    expect(
      images(lines('FROM good:1', 'RUN <<-EOF', '  EOF', 'FROM body:1', 'EOF', 'FROM after:1')),
    ).toEqual(['good:1', 'after:1']);
  });

  it('takes the word with its quotes removed: <<"EOF", <<\'EOF\', <<EO"F", << EOF', () => {
    for (const word of ['<<"EOF"', "<<'EOF'", '<<EO"F"', '<< EOF', '2<<EOF', '<<EO\\F'])
      expect(
        images(
          lines(
            'FROM good:1',
            `RUN cat ${word} > /x`,
            '"EOF"',
            'FROM body:1',
            'EOF',
            'FROM after:1',
          ),
        ),
      ).toEqual(['good:1', 'after:1']);
    // The lexer that reads the word keeps \ as its escape under `# escape=\``.
    expect(
      images(
        lines('# escape=`', 'FROM good:1', 'RUN <<EO\\F', 'FROM body:1', 'EOF', 'FROM after:1'),
      ),
    ).toEqual(['good:1', 'after:1']);
  });

  it('reads two heredocs on one line in order, each body after the one before', () => {
    expect(
      images(
        lines(
          'FROM good:1',
          'COPY <<X <<Y /dest',
          'Y',
          'FROM body:1',
          'X',
          'X',
          'FROM body:2',
          'Y',
          'FROM after:1',
        ),
      ),
    ).toEqual(['good:1', 'after:1']);
  });

  it('reads the heredoc of a continued instruction after its last line, words joined as BuildKit joins them', () => {
    expect(
      images(
        lines(
          'FROM good:1',
          'RUN --mount=type=cache,target=/c \\',
          '  cat <<EOF \\',
          '  && true',
          'FROM body:1',
          'EOF',
          'FROM after:1',
        ),
      ),
    ).toEqual(['good:1', 'after:1']);
    // BuildKit joins continued lines with nothing between them: `<<E\` + `OF` is `<<EOF`.
    expect(
      images(lines('FROM good:1', 'RUN cat <<E\\', 'OF', 'FROM body:1', 'EOF', 'FROM after:1')),
    ).toEqual(['good:1', 'after:1']);
  });

  it.each([
    ['ONBUILD COPY', 'ONBUILD COPY <<EOF /x'],
    ['ONBUILD as Go lower-cases it (U+0130 is i)', 'ONBU\u0130LD RUN <<EOF'],
    ['flags before the heredoc, and --', 'RUN --network=none -- <<EOF'],
    ['a JSON-looking form that is not JSON', 'RUN ["a"] <<EOF'],
    ['$ in the word (no variable is expanded there)', 'RUN <<$EOF'],
  ])('reads the heredoc after %s', (_name, line) => {
    const word = line.endsWith('$EOF') ? '$EOF' : 'EOF';
    expect(images(lines('FROM good:1', line, 'FROM body:1', word, 'FROM after:1'))).toEqual([
      'good:1',
      'after:1',
    ]);
  });

  it('takes the whole word as the terminator, as BuildKit does: <<EOF>f ends at EOF>f', () => {
    expect(
      images(
        lines('FROM good:1', 'RUN cat <<EOF>/f', 'EOF', 'FROM body:1', 'EOF>/f', 'FROM after:1'),
      ),
    ).toEqual(['good:1', 'after:1']);
  });

  it('keeps the line and span of what follows a heredoc', () => {
    const text = lines(
      'FROM good:1',
      'COPY <<A <<B /d',
      'a',
      'A',
      'b',
      'B',
      'FROM next:2 AS n',
      'COPY --from=tools:3 /t /t',
    );
    const found = readDockerfile('Dockerfile', text);
    expect(found.map((o) => [o.image, o.line, text.slice(o.span!.start, o.span!.end)])).toEqual([
      ['good:1', 1, 'good:1'],
      ['next:2', 7, 'next:2'],
      ['tools:3', 8, 'tools:3'],
    ]);
  });
});

describe('Dockerfile heredocs: where BuildKit reads << literally, the lines after are instructions', () => {
  it.each([
    ['ENV, which takes no heredoc', 'ENV A=<<EOF'],
    ['LABEL, which takes no heredoc', 'LABEL x=<<EOF'],
    ['USER, which takes no heredoc', 'USER <<EOF'],
    ['the JSON form of RUN', 'RUN ["sh", "-c", "<<EOF"]'],
    ['the JSON form of COPY', 'COPY ["<<EOF", "/x"]'],
    ['<< inside a word', 'RUN cat<<EOF'],
    ['<< quoted', 'RUN echo "<<EOF"'],
    ['<<- then a space (two words to the lexer)', 'RUN cat <<- EOF'],
    ['<< with nothing after it', 'RUN cat <<'],
    ['a line the lexer cannot read (an unbalanced quote)', "RUN cat <<EOF && echo don't"],
    ['ONBUILD with nothing to run', 'ONBUILD <<EOF'],
    ['a < after the word', 'RUN cat <<EOF<<X'],
    // BuildKit's lexer quirk: a nested ${…} resets the word it is in, dropping the `<<E`.
    ['a ${…:-…} in the word', 'RUN cat <<E${a:-x}'],
  ])('%s', (_name, line) => {
    expect(images(lines('FROM good:1', line, 'FROM evil:1', 'EOF', 'FROM after:1'))).toEqual([
      'good:1',
      'evil:1',
      'after:1',
    ]);
  });
});

describe('Dockerfile heredocs BuildKit refuses', () => {
  it('refuses an unterminated heredoc, naming the instruction', () => {
    expect(() => readDockerfile('D', lines('FROM good:1', 'RUN <<EOF', 'echo', 'EOF '))).toThrow(
      /^D:2: unterminated heredoc <<EOF/,
    );
    // The second of two, and at the end of a file continued to its last line.
    expect(() => readDockerfile('D', lines('FROM good:1', 'COPY <<A <<B /d', 'A'))).toThrow(
      /^D:2: unterminated heredoc <<B/,
    );
    expect(() => readDockerfile('D', 'FROM good:1\nRUN <<-EOF \\')).toThrow(
      /^D:2: unterminated heredoc <<-EOF/,
    );
  });

  it('refuses a heredoc line with bytes that were not UTF-8', () => {
    expect(() => readDockerfile('D', lines('FROM good:1', 'RUN <<E\ufffd', 'E\ufffd'))).toThrow(
      /^D:2: .*not UTF-8/,
    );
  });

  it('does so through the collector too', async () => {
    await expect(
      findImages({ paths: ['test/fixtures/manifests/bad/Dockerfile.heredoc'], lists: [], env: {} }),
    ).rejects.toThrow(/Dockerfile\.heredoc:2: unterminated heredoc <<EOF/);
  });
});

describe('Dockerfile heredocs in linear time', () => {
  it('reads long lines of blanks and many heredoc words quickly', () => {
    const n = 200_000;
    const started = performance.now();
    expect(images(`FROM good:1\nRUN a<<${' '.repeat(n)}b\nFROM after:1\n`)).toEqual([
      'good:1',
      'after:1',
    ]);
    const words = Array.from({ length: 20_000 }, (_, i) => `<<W${i}`);
    const bodies = words.map((_, i) => `W${i}`);
    expect(
      images(lines('FROM good:1', `RUN ${words.join(' ')}`, ...bodies, 'FROM after:1')),
    ).toEqual(['good:1', 'after:1']);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

// Red team (found comparing this reader with BuildKit's parser on generated files): BuildKit
// joins a continued instruction's lines with nothing between them, so a word or the instruction
// itself may be split across lines. Joined with a space here, `FROM alpine\` + `.evil.example/x:1`
// was verified as alpine while the build pulled alpine.evil.example/x:1, and `FR\` + `OM evil:2`
// or a lone `\` line before `FROM evil:3` was no FROM at all.
describe('Dockerfile continued lines joined as BuildKit joins them', () => {
  it('reads a reference, and the instruction word, split across a continuation', () => {
    const text = lines(
      'FROM alpine\\',
      '.evil.example/x:1',
      'FR\\',
      'OM evil:2',
      '\\',
      'FROM evil:3',
      'FROM good:4 \\',
      '  AS st\\',
      'age',
      'COPY --fr\\',
      'om=tools:5 /t /t',
      'COPY --from=stage /s /s',
    );
    const found = readDockerfile('Dockerfile', text);
    expect(found.map((o) => [o.image, o.line])).toEqual([
      ['alpine.evil.example/x:1', 1],
      ['evil:2', 3],
      ['evil:3', 5],
      ['good:4', 7],
      ['tools:5', 10],
    ]);
    // A span covers the reference's characters across the line break (pin refuses to rewrite
    // a folded reference, as the text there is not the reference), and is exact otherwise.
    expect(found.map((o) => text.slice(o.span!.start, o.span!.end))).toEqual([
      'alpine\\\n.evil.example/x:1',
      'evil:2',
      'evil:3',
      'good:4',
      'tools:5',
    ]);
  });

  it('places an ARG default split across lines, and an empty one', () => {
    const text = lines('ARG BASE=registry.example/ba\\', 'se:1 EMPTY=', 'FROM $BASE');
    const [o] = readDockerfile('Dockerfile', text);
    expect([o.image, text.slice(o.span!.start, o.span!.end)]).toEqual([
      'registry.example/base:1',
      'registry.example/ba\\\nse:1',
    ]);
  });
});

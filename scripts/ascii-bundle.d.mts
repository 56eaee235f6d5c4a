// Types for scripts/ascii-bundle.mjs (the build runs it as plain JavaScript; tests import it).
export function asciiCode(
  code: string,
  name: string,
): { code: string; shifts: Map<number, Array<[number, number]>> };
export function shiftMap(mapJson: string, shifts: Map<number, Array<[number, number]>>): string;

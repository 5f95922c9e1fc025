import assert from "node:assert/strict";
import { test } from "node:test";
import { adjustedRand, nmi } from "./agreement.ts";

const near = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-6, `${a} vs ${b}`);

test("identical labelings (up to renaming) agree perfectly", () => {
  near(nmi([0, 0, 1, 1, 2, 2], ["b", "b", "a", "a", "c", "c"]), 1);
  near(adjustedRand([0, 0, 1, 1, 2, 2], ["b", "b", "a", "a", "c", "c"]), 1);
});

test("hand-computed example", () => {
  // a = [0,0,0,1,1,1], b = [0,0,1,1,2,2]
  // ARI: sum over cells C(n_ij,2) = 1 + 1 + 0 + 1 = ... cells: (0,0)=2,(0,1)=1,(1,1)=1,(1,2)=2 -> 1+0+0+1 = 2
  // rows: 3,3 -> 3+3 = 6; cols: 2,2,2 -> 1+1+1 = 3; expected = 6*3/15 = 1.2; max = 4.5
  // ARI = (2 - 1.2) / (4.5 - 1.2) = 0.242424...
  near(adjustedRand([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]), 0.8 / 3.3);
  // NMI (arithmetic): H(a) = ln 2, H(b) = ln 3, I = (2/6)ln(2*6/(3*2))*2 + (1/6)ln(1*6/(3*2))*2 = (2/3)ln 2
  near(
    nmi([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]),
    ((2 / 3) * Math.log(2)) / ((Math.log(2) + Math.log(3)) / 2),
  );
});

test("independent labelings score about zero", () => {
  const a = Array.from({ length: 2000 }, (_, i) => i % 7);
  const b = Array.from({ length: 2000 }, (_, i) => Math.floor(i / 7) % 5);
  assert.ok(Math.abs(adjustedRand(a, b)) < 0.01);
  assert.ok(nmi(a, b) < 0.01);
});

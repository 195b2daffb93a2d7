/**
 * The goal a thermometer shows. Below the organiser's goal it is that goal; once reached, the next
 * step of the 1-2-5 series above the count (1 000 → 2 000 → 5 000 → 10 000), as peers raise theirs,
 * so a successful petition keeps a goal to reach.
 */
export function displayGoal(count: number, goal: number): number {
  if (count < goal) return goal;
  let magnitude = 10 ** Math.floor(Math.log10(Math.max(count, 1)));
  for (;;) {
    for (const step of [1, 2, 5]) if (step * magnitude > count && step * magnitude > goal) return step * magnitude;
    magnitude *= 10;
  }
}

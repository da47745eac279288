// An image classification data set as the trainer and the golden model see it: 8-bit pixels
// (the integers the hardware receives) and class labels, split into a training and a test set.

/** Images of one split: `count` images of `features` pixels each, row after row. */
export interface ImageSet {
  readonly count: number;
  /** Pixel integers 0 ... 255, image i at offset i * features. */
  readonly pixels: Uint8Array;
  readonly labels: Uint8Array;
}

export interface Dataset {
  /** Name as given to `flexor train --dataset`. */
  readonly name: string;
  readonly features: number;
  readonly classes: number;
  /** One-line description of how training and test images were chosen. */
  readonly split: string;
  readonly train: ImageSet;
  readonly test: ImageSet;
}

/** Returns the first `count` images of a set (all of them when count is undefined or larger). */
export function takeImages(set: ImageSet, features: number, count?: number): ImageSet {
  if (count === undefined || count >= set.count) return set;
  return { count, pixels: set.pixels.subarray(0, count * features), labels: set.labels.subarray(0, count) };
}

import { RadiopharmacyError } from './errors';
import type { HotCell, Product } from './model';

/**
 * Why `cell` may not handle `product`, or null when it may. Both conditions are checked and both
 * are named: the cell's energy class must be the product's class (shielding and ventilation are
 * designed per class) and the cell's licence must list the product's nuclide.
 */
export function hotCellRefusal(cell: HotCell, product: Pick<Product, 'name' | 'nuclide' | 'hotCellClass'>): string | null {
  const wrongClass = cell.energyClass !== product.hotCellClass;
  const wrongNuclide = !cell.nuclides.includes(product.nuclide);
  if (!wrongClass && !wrongNuclide) return null;
  const problems = [
    wrongClass ? `it is a ${cell.energyClass} cell and ${product.name} needs a ${product.hotCellClass} cell` : null,
    wrongNuclide ? `its nuclides are ${cell.nuclides.join(', ') || 'none'}, not ${product.nuclide}` : null,
  ].filter((p): p is string => p !== null);
  return `Hot cell ${cell.id} (${cell.name}) may not handle ${product.name}: ${problems.join('; ')}.`;
}

export function assertHotCellCanHandle(
  cell: HotCell,
  product: Pick<Product, 'name' | 'nuclide' | 'hotCellClass'>,
  field = 'hotCellId',
): void {
  const refusal = hotCellRefusal(cell, product);
  if (refusal !== null) {
    throw new RadiopharmacyError({
      field,
      code: 'hot-cell-not-allowed',
      message: refusal,
      limit: `a ${product.hotCellClass} cell listing ${product.nuclide}`,
    });
  }
}

/** The cells that may prepare `product`. */
export function cellsFor(cells: readonly HotCell[], product: Pick<Product, 'name' | 'nuclide' | 'hotCellClass'>): HotCell[] {
  return cells.filter((c) => hotCellRefusal(c, product) === null);
}

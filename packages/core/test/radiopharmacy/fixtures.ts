import type { HotCell, Product, QcSpecItem } from '../../src/radiopharmacy/index';

/** The [18F]FDG release specification of Ph. Eur. monograph 1325 (as the department's migration stores it). */
export const FDG_SPEC: QcSpecItem[] = [
  { test: 'appearance', label: 'Appearance', kind: 'pass-fail', required: true, reference: 'Ph. Eur. 1325' },
  { test: 'ph', label: 'pH', kind: 'numeric', unit: 'pH', min: 4.5, max: 8.5, required: true, reference: 'Ph. Eur. 1325' },
  {
    test: 'radiochemical-purity',
    label: 'Radiochemical purity',
    kind: 'numeric',
    unit: '%',
    min: 95,
    required: true,
    reference: 'Ph. Eur. 1325',
  },
  {
    test: 'half-life',
    label: 'Radionuclidic identity (half-life)',
    kind: 'numeric',
    unit: 'min',
    min: 105,
    max: 115,
    required: true,
    reference: 'Ph. Eur. 1325',
  },
  { test: 'sterility', label: 'Sterility', kind: 'pass-fail', required: false, reference: 'Ph. Eur. 2.6.1 (after release)' },
];

export const PLUVICTO: Product = {
  id: 'lu177-psma617',
  name: '[177Lu]Lu-PSMA-617',
  nuclide: 'Lu-177',
  purpose: 'therapeutic',
  investigational: false,
  hotCellClass: 'therapy-high-energy',
  shelfLifeMin: 7200,
  tolerancePct: 10,
  qcSpec: [
    {
      test: 'radiochemical-purity',
      label: 'Radiochemical purity',
      kind: 'numeric',
      unit: '%',
      min: 95,
      required: true,
      reference: 'Pluvicto SmPC',
    },
  ],
};

export const HOT_CELLS: HotCell[] = [
  { id: 'HC-PET', name: 'PET fractionation', energyClass: 'pet-fractionation', nuclides: ['F-18', 'Cu-64'] },
  { id: 'HC-GA68', name: 'Ga-68 labelling', energyClass: 'ga68-labelling', nuclides: ['Ga-68', 'Ge-68'] },
  { id: 'HC-SPECT', name: 'Tc-99m / I-123', energyClass: 'low-medium-energy', nuclides: ['Tc-99m', 'I-123', 'In-111'] },
  { id: 'HC-THERAPY', name: 'Therapy', energyClass: 'therapy-high-energy', nuclides: ['Lu-177', 'I-131', 'Y-90', 'Ac-225'] },
];

export const at = (iso: string, plusMinutes = 0) => new Date(Date.parse(iso) + plusMinutes * 60_000).toISOString();

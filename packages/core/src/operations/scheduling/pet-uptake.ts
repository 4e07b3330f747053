/**
 * A PET scanner booking is the acquisition; the dose is injected an uptake time before, in an
 * injection room. The uptake times are the procedure guidelines' usual values; the radioligand's
 * activity at injection is what the prescription is about.
 */
export interface UptakeTime {
  readonly minutes: number;
  readonly reference: string;
}

const GUIDELINE_UPTAKE: Readonly<Record<string, UptakeTime>> = {
  'ga68-psma11': {
    minutes: 60,
    reference:
      'PSMA PET uptake 60 min (50-100 min): EANM/SNMMI procedure guideline, Fendler et al., Eur J Nucl Med Mol Imaging 2023;50:1466-1486',
  },
  'ga68-dotatoc': {
    minutes: 60,
    reference: 'SSTR PET uptake 60 min (45-90 min): EANM procedure guideline, Bozkurt et al., Eur J Nucl Med Mol Imaging 2017;44:1588-1601',
  },
  'f18-fdg': {
    minutes: 60,
    reference:
      'FDG PET uptake 60 min (55-75 min): EANM procedure guideline v2.0, Boellaard et al., Eur J Nucl Med Mol Imaging 2015;42:328-354',
  },
  'f18-psma1007': {
    minutes: 90,
    reference:
      'PSMA PET with F-18 ligands uptake 90 min (90-120 min for [18F]PSMA-1007): Fendler et al., Eur J Nucl Med Mol Imaging 2023;50:1466-1486',
  },
};

const DEFAULT_UPTAKE: UptakeTime = { minutes: 60, reference: 'department default uptake 60 min (no product-specific value)' };

export function petUptakeTime(productId: string | null | undefined): UptakeTime {
  return (productId ? GUIDELINE_UPTAKE[productId] : undefined) ?? DEFAULT_UPTAKE;
}

/** When the patient of a PET scan booking is injected. */
export function injectionTimeOfPetScan(booking: { startsAtMs: number; productId: string | null }): number {
  return booking.startsAtMs - petUptakeTime(booking.productId).minutes * 60_000;
}

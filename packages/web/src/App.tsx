import { Navigate, Route, Routes } from 'react-router-dom';
import { AUDIT_READERS, CLINICAL_READERS, homeFor, KPI_READERS, REFERRAL_READERS, TRIAL_READERS, RADIOPHARMACY_USERS } from './auth/roles';
import { RequireRole, RequireSession } from './auth/RequireSession';
import { useUser } from './auth/session';
import { Layout } from './components/Layout';
import { AuditPage } from './pages/AuditPage';
import { MtbRoutes } from './pages/MtbRoutes';
import { NotFoundPage } from './pages/NotFoundPage';
import { PatientPage } from './pages/PatientPage';
import { PatientsPage } from './pages/PatientsPage';
import { RadiopharmacyPage } from './pages/RadiopharmacyPage';
import { ReferralsPage } from './pages/ReferralsPage';
import { SchedulingPage } from './pages/SchedulingPage';
import { ResistanceAtlasPage } from './pages/ResistanceAtlasPage';
import { SignInPage } from './pages/SignInPage';
import { SponsorPage } from './pages/SponsorPage';
import { TrialPage } from './pages/TrialPage';
import { TrialsPage } from './pages/TrialsPage';

export function App() {
  return (
    <Routes>
      <Route path="/signin" element={<SignInPage />} />
      <Route
        element={
          <RequireSession>
            <Layout />
          </RequireSession>
        }
      >
        <Route index element={<Home />} />
        <Route
          path="patients"
          element={
            <RequireRole roles={CLINICAL_READERS}>
              <PatientsPage />
            </RequireRole>
          }
        />
        <Route
          path="patients/:id"
          element={
            <RequireRole roles={CLINICAL_READERS}>
              <PatientPage />
            </RequireRole>
          }
        />
        <Route
          path="trials"
          element={
            <RequireRole roles={TRIAL_READERS}>
              <TrialsPage />
            </RequireRole>
          }
        />
        <Route
          path="trials/:id"
          element={
            <RequireRole roles={TRIAL_READERS}>
              <TrialPage />
            </RequireRole>
          }
        />
        <Route
          path="audit"
          element={
            <RequireRole roles={AUDIT_READERS}>
              <AuditPage />
            </RequireRole>
          }
        />
        <Route
          path="sponsor"
          element={
            <RequireRole roles={KPI_READERS}>
              <SponsorPage />
            </RequireRole>
          }
        />
        <Route
          path="referrals"
          element={
            <RequireRole roles={REFERRAL_READERS}>
              <ReferralsPage />
            </RequireRole>
          }
        />
        <Route
          path="mtb/*"
          element={
            <RequireRole roles={CLINICAL_READERS}>
              <MtbRoutes />
            </RequireRole>
          }
        />
        <Route
          path="genomics/atlas"
          element={
            <RequireRole roles={CLINICAL_READERS}>
              <ResistanceAtlasPage />
            </RequireRole>
          }
        />
        <Route
          path="radiopharmacy/*"
          element={
            <RequireRole roles={RADIOPHARMACY_USERS}>
              <RadiopharmacyPage />
            </RequireRole>
          }
        />
        <Route
          path="scheduling"
          element={
            <RequireRole roles={CLINICAL_READERS}>
              <SchedulingPage />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function Home() {
  const user = useUser();
  return <Navigate to={homeFor(user.role)} replace />;
}

import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from './NotFoundPage';
import { MtbCasePage } from './MtbCasePage';
import { MtbMeetingPage } from './MtbMeetingPage';
import { MtbQueuePage } from './MtbQueuePage';
import '../components/mtb/mtb.css';

/** The MTB's pages under /mtb: the queue, a meeting, a case. */
export function MtbRoutes() {
  return (
    <Routes>
      <Route index element={<MtbQueuePage />} />
      <Route path="meetings/:id" element={<MtbMeetingPage />} />
      <Route path="cases/:id" element={<MtbCasePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

import { useState } from 'react';
// React components made with @lit/react: for React 18 and earlier, which cannot set properties
// or listen to custom events on custom elements. Importing them registers the elements too.
import { PxmSurvey } from '@pxm/elements/react';

export function LegacyWrappers() {
  const [submitted, setSubmitted] = useState<string | undefined>();
  return (
    <section aria-labelledby="survey-title">
      <h2 id="survey-title">React 18 style: the @lit/react wrapper</h2>
      <PxmSurvey token="demo-survey-open" onPxmSurveySubmitted={(event) => setSubmitted(event.detail.responseId)} />
      <p role="status" className="outcome">{submitted ? `Survey response ${submitted} stored.` : 'Survey not sent yet.'}</p>
    </section>
  );
}

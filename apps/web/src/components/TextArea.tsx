import { useId, type TextareaHTMLAttributes } from 'react';
import { FieldError } from './Field';

/** A KERN textarea with label, hint and the German error beside it (like TextField). */
export function TextAreaField({
  label,
  hint,
  error,
  id,
  ...area
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string; error?: string }) {
  const auto = useId();
  const areaId = id ?? auto;
  const describedBy = [hint ? `${areaId}-hint` : '', error ? `${areaId}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={areaId}>
        {label}
      </label>
      {hint && (
        <div className="kern-hint" id={`${areaId}-hint`}>
          {hint}
        </div>
      )}
      <textarea
        id={areaId}
        className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        rows={6}
        {...area}
      />
      {error && <FieldError id={`${areaId}-error`}>{error}</FieldError>}
    </div>
  );
}

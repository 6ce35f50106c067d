import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

/**
 * A KERN form field: label, optional hint, the input, and the German error right beside it
 * (aria-describedby + aria-invalid, so a screen reader reads the problem with the field).
 */
interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
}

export function TextField({ label, hint, error, optional, id, className, ...input }: FieldProps) {
  const auto = useId();
  const inputId = id ?? auto;
  const describedBy = [hint ? `${inputId}-hint` : '', error ? `${inputId}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}${className ? ` ${className}` : ''}`}>
      <label className="kern-label" htmlFor={inputId}>
        {label}
        {optional && <span className="kern-label__optional"> – optional</span>}
      </label>
      {hint && (
        <div className="kern-hint" id={`${inputId}-hint`}>
          {hint}
        </div>
      )}
      <input
        id={inputId}
        className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {error && <FieldError id={`${inputId}-error`}>{error}</FieldError>}
    </div>
  );
}

export function FieldError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p className="kern-error" id={id} role="alert">
      <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
      <span className="kern-body">{children}</span>
    </p>
  );
}

interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
}

export function SelectField({ label, hint, error, id, children, className, ...select }: SelectProps) {
  const auto = useId();
  const selectId = id ?? auto;
  const describedBy = [hint ? `${selectId}-hint` : '', error ? `${selectId}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`kern-form-input${className ? ` ${className}` : ''}`}>
      <label className="kern-label" htmlFor={selectId}>
        {label}
      </label>
      {hint && (
        <div className="kern-hint" id={`${selectId}-hint`}>
          {hint}
        </div>
      )}
      <div className="kern-form-input__select-wrapper">
        <select
          id={selectId}
          className={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...select}
        >
          {children}
        </select>
      </div>
      {error && <FieldError id={`${selectId}-error`}>{error}</FieldError>}
    </div>
  );
}

interface CheckProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: ReactNode;
  type?: 'checkbox' | 'radio';
}

export function CheckField({ label, id, type = 'checkbox', ...input }: CheckProps) {
  const auto = useId();
  const inputId = id ?? auto;
  return (
    <div className="kern-form-check">
      <input id={inputId} type={type} className={type === 'radio' ? 'kern-form-check__radio' : 'kern-form-check__checkbox'} {...input} />
      <label className="kern-label" htmlFor={inputId}>
        {label}
      </label>
    </div>
  );
}

import { type InputHTMLAttributes, forwardRef, useId } from "react";

type FieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string; hint?: string };

/** A labelled input whose error is announced to screen readers and tied to the input. */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field({ label, error, hint, id, ...props }, ref) {
  const fallbackId = useId();
  const inputId = id ?? fallbackId;
  const describedBy = [error && `${inputId}-error`, hint && `${inputId}-hint`].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        ref={ref}
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm aria-[invalid]:border-red-500"
        {...props}
      />
      {hint && <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p>}
      {error && <p id={`${inputId}-error`} className="mt-1 text-xs text-red-700">{error}</p>}
    </div>
  );
});

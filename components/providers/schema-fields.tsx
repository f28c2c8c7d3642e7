"use client";

import type { FieldErrors, FieldValues, UseFormRegister } from "react-hook-form";
import { Field } from "@/components/field";
import type { FormField } from "@/lib/providers/accounts/form-fields";

/** The message of the error at a dotted path (`options.inboundFields.uuid`), if any. */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  const message = node && typeof node === "object" ? (node as { message?: unknown }).message : undefined;
  return typeof message === "string" ? message : undefined;
}

/** Form values for `fields` from stored values, falling back to each field's default. */
export function formValuesFor(fields: FormField[], values: Record<string, unknown> = {}): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === "group") {
      result[field.name] = formValuesFor(field.fields, value && typeof value === "object" ? (value as Record<string, unknown>) : {});
    } else if (field.kind === "boolean") {
      result[field.name] = typeof value === "boolean" ? value : (field.default ?? false);
    } else if (field.kind === "list") {
      result[field.name] = (Array.isArray(value) ? value : (field.default ?? [])).join("\n");
    } else {
      const chosen = value ?? field.default;
      result[field.name] = chosen === undefined || chosen === null ? "" : String(chosen);
    }
  }
  return result;
}

function hintOf(field: FormField, extra?: string): string | undefined {
  const parts = [field.description];
  if (field.kind !== "group" && field.kind !== "boolean" && field.default !== undefined && field.default !== "") {
    parts.push(`Default: ${Array.isArray(field.default) ? field.default.join(", ") : String(field.default)}.`);
  }
  if (field.kind === "number" && (field.min !== undefined || field.max !== undefined)) {
    parts.push(`From ${field.min ?? "−∞"} to ${field.max ?? "∞"}.`);
  }
  parts.push(extra);
  return parts.filter(Boolean).join(" ") || undefined;
}

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm aria-[invalid]:border-red-500";

interface Props {
  fields: FormField[];
  /** `credentials` or `options`; nested groups extend it. */
  prefix: string;
  register: UseFormRegister<FieldValues>;
  errors: FieldErrors;
  /** Credentials: password inputs that never show a stored value. */
  secret?: { set: Record<string, boolean> };
}

/** Inputs for a vendor's schema fields, each labelled, described and tied to its error. */
export function SchemaFields({ fields, prefix, register, errors, secret }: Props) {
  return (
    <>
      {fields.map((field) => {
        const name = `${prefix}.${field.name}`;
        const id = `field-${name.replaceAll(".", "-")}`;
        const error = errorAt(errors, name);
        const label = field.required || field.kind === "boolean" || field.kind === "group" ? field.label : `${field.label} (optional)`;
        if (field.kind === "group") {
          return (
            <fieldset key={name} className="space-y-3 rounded-md border border-slate-200 p-3">
              <legend className="px-1 text-sm font-medium text-slate-700">{field.label}</legend>
              {field.description && <p className="text-xs text-slate-500">{field.description}</p>}
              <SchemaFields fields={field.fields} prefix={name} register={register} errors={errors} />
            </fieldset>
          );
        }
        if (secret) {
          const stored = secret.set[field.name];
          return (
            <Field
              key={name}
              id={id}
              label={label}
              type="password"
              autoComplete="new-password"
              placeholder={stored ? "•••• (unchanged)" : undefined}
              hint={hintOf(field, stored ? "Leave empty to keep the stored value." : undefined)}
              error={error}
              {...register(name)}
            />
          );
        }
        const hint = hintOf(field);
        const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(" ") || undefined;
        const help = (
          <>
            {hint && <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p>}
            {error && <p id={`${id}-error`} className="mt-1 text-xs text-red-700">{error}</p>}
          </>
        );
        if (field.kind === "boolean") {
          return (
            <div key={name}>
              <div className="flex items-center gap-2">
                <input id={id} type="checkbox" aria-describedby={describedBy} aria-invalid={error ? true : undefined} className="h-4 w-4" {...register(name)} />
                <label htmlFor={id} className="text-sm font-medium text-slate-700">{field.label}</label>
              </div>
              {help}
            </div>
          );
        }
        if (field.kind === "select") {
          return (
            <div key={name}>
              <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
              <select id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} className={inputClass} {...register(name)}>
                {field.default === undefined && <option value="">(not set)</option>}
                {field.choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
              </select>
              {help}
            </div>
          );
        }
        if (field.kind === "list") {
          return (
            <div key={name}>
              <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
              <textarea id={id} rows={3} aria-describedby={describedBy} aria-invalid={error ? true : undefined} className={inputClass} {...register(name)} />
              {help}
            </div>
          );
        }
        return (
          <Field
            key={name}
            id={id}
            label={label}
            type={field.kind === "number" ? "number" : field.kind === "text" && field.format === "uri" ? "url" : "text"}
            inputMode={field.kind === "number" ? "decimal" : undefined}
            step={field.kind === "number" ? (field.integer ? 1 : "any") : undefined}
            min={field.kind === "number" ? field.min : undefined}
            max={field.kind === "number" ? field.max : undefined}
            hint={hint}
            error={error}
            {...register(name)}
          />
        );
      })}
    </>
  );
}

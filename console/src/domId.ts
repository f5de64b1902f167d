/**
 * TDesign's `Input` has no `id` in its typings but forwards unknown props to its wrapper element
 * (`.t-input__wrap`, see tdesign-react/es/input/Input.js `restProps`). Spreading `domId('x')` puts
 * `id="x"` there, so `#x input` reaches the native input. The wrapper must stay the FormItem's direct
 * child for form binding, which is why this is not an extra <div>.
 */
export function domId(id: string): Record<string, never> {
  return { id } as unknown as Record<string, never>;
}

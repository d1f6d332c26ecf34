/** The name and promise above the sign-in and invitation cards. */
export function AuthBrand() {
  return (
    <div className="text-center">
      <p className="text-2xl font-semibold tracking-tight">Tailor</p>
      <p className="text-sm text-muted-foreground">Personalised notifications you can prove work.</p>
    </div>
  );
}

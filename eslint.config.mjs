// `npm run lint`: typescript-eslint with type information, React's hook rules, Next's own rules and
// jsx-a11y, over everything but generated code. Formatting is Prettier's job (`npm run format`).
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "lib/generated/**",
      ".next/**",
      "node_modules/**",
      "reports/**",
      "test-results/**",
      "test-results-postgresql/**",
      ".data/**",
      "next-env.d.ts",
      ".scratch/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A leading underscore marks a value left out on purpose (`const { exp: _exp, ...rest } = claims`).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      // React ignores what an event handler returns; `onSubmit={form.handleSubmit(save)}` is the idiom.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ["**/*.tsx", "**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  nextPlugin.configs["core-web-vitals"],
  {
    rules: {
      // Images in previews and avatars are customers' own URLs, shown as given: next/image would fetch
      // arbitrary hosts through the server (an SSRF path) to optimise them.
      "@next/next/no-img-element": "off",
    },
  },
  {
    files: ["**/*.tsx"],
    ...jsxA11y.flatConfigs.recommended,
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // Our Label takes htmlFor; the controls are components (Input, NativeSelect, Textarea, …).
      "jsx-a11y/label-has-associated-control": [
        "error",
        { assert: "either", controlComponents: ["Input", "NativeSelect", "Textarea", "SelectTrigger"], depth: 3 },
      ],
      // A page whose one purpose is a form (sign-in, a new persona's or template's name) focuses it.
      "jsx-a11y/no-autofocus": "off",
    },
  },
  {
    // Tests and tooling read JSON bodies and fixtures whose shape the assertions check.
    files: ["tests/**", "e2e/**", "bench/**", "**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // Pages and components reach lib through each module's front door: index.ts is what is safe in a
    // browser bundle, server.ts (which begins with `import "server-only"`) is the database side.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/*/*", "!@/lib/*/server"],
              message: "Import lib through its front door: @/lib/<module> (client-safe) or @/lib/<module>/server.",
            },
          ],
        },
      ],
    },
  },
  {
    // Campaigns know nothing of experiments: the worker is handed what an experiment adds to a send.
    files: ["lib/delivery/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/experiments", "@/lib/experiments/*"], message: "delivery must not import experiments." },
          ],
        },
      ],
    },
  },
  { files: ["**/*.{js,mjs,cjs}"], ...tseslint.configs.disableTypeChecked },
  {
    files: ["lib/**/*.mjs", "prisma/**/*.cjs", "scripts/**", "*.config.*", "*.mjs"],
    languageOptions: { globals: globals.node },
  },
  { files: ["public/**/*.js"], languageOptions: { globals: globals.browser } },
);

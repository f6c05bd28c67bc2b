"""The live preview (`portal serve`): regenerate on change, problems shown in a banner on every page."""

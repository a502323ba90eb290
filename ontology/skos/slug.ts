/** Kebab-case of a name: "CustomerHealth" and "Customer_Health" both become "customer-health". */
export function slugOf(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

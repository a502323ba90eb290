import { llmSettings, loadConfig } from "../../../app/config";

// The LLM provider of plain-language drafts is off unless RELATA_NL_LLM_URL is set; its settings are
// checked at start-up with messages that say what to set.
describe("RELATA_NL_LLM_* settings", () => {
  it("leave the provider off by default", () => {
    expect(llmSettings({})).toBeNull();
    expect(loadConfig({ RELATA_JWT_SECRET: "x".repeat(32) }).plainLanguage.llm).toBeNull();
  });

  it("read the URL, the model, the key and the timeout", () => {
    expect(
      llmSettings({
        RELATA_NL_LLM_URL: "http://localhost:11434/v1",
        RELATA_NL_LLM_MODEL: "qwen2.5:7b",
        RELATA_NL_LLM_API_KEY: "sk-1",
        RELATA_NL_LLM_TIMEOUT_MS: "2500",
      }),
    ).toEqual({ url: "http://localhost:11434/v1", model: "qwen2.5:7b", apiKey: "sk-1", timeoutMs: 2500 });
    expect(llmSettings({ RELATA_NL_LLM_URL: "https://api.example.com/v1", RELATA_NL_LLM_MODEL: "m" })).toEqual({
      url: "https://api.example.com/v1",
      model: "m",
      apiKey: null,
      timeoutMs: 10_000,
    });
  });

  it("refuse a URL without a model, a URL that is not http(s), and a bad timeout", () => {
    expect(() => llmSettings({ RELATA_NL_LLM_URL: "http://localhost:1/v1" })).toThrow(
      /RELATA_NL_LLM_MODEL must be set/,
    );
    expect(() => llmSettings({ RELATA_NL_LLM_URL: "ftp://x", RELATA_NL_LLM_MODEL: "m" })).toThrow(/http\(s\) URL/);
    expect(() =>
      llmSettings({ RELATA_NL_LLM_URL: "http://x/v1", RELATA_NL_LLM_MODEL: "m", RELATA_NL_LLM_TIMEOUT_MS: "5" }),
    ).toThrow(/RELATA_NL_LLM_TIMEOUT_MS must be an integer of at least 100/);
  });

  it("refuse provider settings without the URL rather than ignore them", () => {
    expect(() => llmSettings({ RELATA_NL_LLM_MODEL: "m" })).toThrow(/set without RELATA_NL_LLM_URL/);
  });
});

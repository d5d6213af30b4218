-- A rule decision's detail has one shape: jsonb {"zh-CN": …, "en": …} (domain/localized-text.ts).
-- Old rows are kept, not dropped. Until now the column held text in one of two shapes:
--   * JSON text {"zh-CN": …, "en": …} (election, owners' meeting, village conversion): parsed as it is;
--   * plain Chinese text (service admission, and JSON text missing a language): both languages get that text, which
--     is exactly what the case record showed English readers until now (their English was never stored).
CREATE FUNCTION "rule_decision_detail_localized"(detail text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  parsed jsonb;
BEGIN
  IF detail IS NULL THEN
    RETURN NULL;
  END IF;
  IF left(detail, 1) = '{' THEN
    BEGIN
      parsed := detail::jsonb;
      IF jsonb_typeof(parsed -> 'zh-CN') = 'string' AND jsonb_typeof(parsed -> 'en') = 'string'
         AND parsed ->> 'zh-CN' <> '' AND parsed ->> 'en' <> '' THEN
        RETURN jsonb_build_object('zh-CN', parsed -> 'zh-CN', 'en', parsed -> 'en');
      END IF;
    EXCEPTION WHEN invalid_text_representation THEN
      -- not JSON: the text itself
    END;
  END IF;
  RETURN jsonb_build_object('zh-CN', detail, 'en', detail);
END;
$$;

-- AlterTable
ALTER TABLE "rule_decision" ALTER COLUMN "detail" TYPE JSONB USING "rule_decision_detail_localized"("detail");

DROP FUNCTION "rule_decision_detail_localized"(text);

-- KakaoTalk AlimTalk (알림톡) templates. Kakao reviews every template before it may be used:
-- SAVED -> REQUESTED -> APPROVED | REJECTED (with the reviewer's reason). Only APPROVED ones are sent.
-- Placeholders are written #{변수} and must all be given when the template is rendered.
create table alimtalk_template (
    code           varchar(64)   primary key,
    event          varchar(64)   not null,
    title          varchar(100)  not null,
    content        varchar(4000) not null,
    buttons        text          not null default '[]',  -- JSON array of {name, type, mobileUrl, pcUrl}
    state          varchar(16)   not null check (state in ('SAVED', 'REQUESTED', 'APPROVED', 'REJECTED')),
    reject_reason  varchar(1000),
    created_at     timestamptz   not null,
    created_by     varchar(255)  not null,
    updated_at     timestamptz   not null,
    updated_by     varchar(255)  not null
);
create index alimtalk_template_event on alimtalk_template (event);

insert into alimtalk_template (code, event, title, content, buttons, state, created_at, created_by, updated_at, updated_by)
values
('BF_INVOICE_ISSUE_REQUESTED', 'INVOICE_ISSUE_REQUESTED', '세금계산서 발행 요청',
 '[billflow] 세금계산서 발행 요청 안내

#{공급자상호} 담당자님, 안녕하세요.
#{공급받는자상호}에서 아래 거래에 대한 전자세금계산서(역발행) 발행을 요청했습니다.

■ 작성일자: #{작성일자}
■ 합계금액: #{합계금액}원

발행 기한: #{발행기한}까지
아래 링크에서 내용을 확인하신 후 승인해 주세요.
#{링크}',
 '[{"name":"요청 내용 확인","type":"WL","mobileUrl":"#{링크}","pcUrl":"#{링크}"}]',
 'APPROVED', now(), 'system', now(), 'system'),
('BF_INVOICE_ISSUED', 'INVOICE_ISSUED', '세금계산서 발행 완료',
 '[billflow] 세금계산서 발행 완료 안내

#{공급자상호} 담당자님, 요청하신 전자세금계산서가 발행되었습니다.

■ 승인번호: #{승인번호}
■ 작성일자: #{작성일자}
■ 합계금액: #{합계금액}원

국세청 전송은 발행일 다음 날까지 자동으로 진행됩니다.',
 '[]', 'APPROVED', now(), 'system', now(), 'system'),
('BF_INVOICE_REMINDER', 'INVOICE_REMINDER', '세금계산서 발행 요청 재안내',
 '[billflow] 세금계산서 발행 요청 재안내

#{공급자상호} 담당자님, #{공급받는자상호}의 세금계산서 발행 요청이 아직 처리되지 않았습니다.
발행 기한(#{발행기한})이 지나면 가산세가 부과될 수 있으니 확인 부탁드립니다.
#{링크}',
 '[]', 'SAVED', now(), 'system', now(), 'system');

import os
import random
OUT=os.path.join(os.path.dirname(os.path.abspath(__file__)),"train.tsv")
random.seed(13)
R=random.choice
out=[]
def add(label, t): out.append((label, t))
# ---- spam
sites=["bit.ly/3xYz9","han.gl/aB12","open.kakao.com/o/gX2kQ","t.me/cashking","cutt.ly/ev7","naver.me/xk2","www.win-bet77.com","toto-vip.net","rep-lica.shop","fast-loan.kr","me2.do/Fa9","tinyurl.com/y8s"]
spam_t=["하루 30분 부업으로 월 {n}만원 가능 {s}","집에서 폰으로 돈버는법 {s} 선착순","무직자 대출 당일 승인 {s}","토토 첫충 {p}% 보너스 {s}","바카라 실시간 입금 즉시 {s}","명품 레플리카 최저가 {s} 구경오세요","팔로워 늘려드려요 {s}","주식 리딩방 무료입장 {s} 수익 인증","코인 무료 리딩 카톡 {k}","알바구함 일당 {n}만 카톡 {k}","구매대행 정품보다 싸게 텔레 {k}","{s} 여기서 더 싸게 팜","이 제품 {s} 에서 반값이에요","부업 문의 텔레그램 {k}","ㅂㅇ 하루 {n}만 ㄱㄴ 텔레 {k}","카지노 가입머니 {n}만 지급 {s}","스포츠 분석방 적중률 90% {s}","쿠팡 최저가 링크 {s}","다른 방송 더 쌈 {s} 가보세요","무료 쿠폰 받기 {s} 클릭","소액결제 현금화 {k} 연락","정품 짝퉁 1:1 퀄 {s}","로또 번호 무료 추천 {s}","대리입금 소액 가능 카톡 {k}","인스타 팔로우 해주세요 {s} 맞팔 100%","채팅알바 모집 시급 {n}만원 {k}","{s}","{s} {s}","ㅌㅗㅌㅗ 가입 {s}","투자 수익 보장 {p}% 카톡 {k}"]
kakao=["abc123","money77","vipbet","cash_king","jobs1004","rich88","tt9999","bonus_7"]
for _ in range(260):
    t=R(spam_t).format(n=R([30,50,100,200,300,500]),p=R([10,20,30,50,100]),s=R(sites),k=R(kakao))
    add("spam",t)
for w in ["ㅋ","ㅎ","ㅠ","!","?","와","굿","❤️","🔥","👍","😍"]:
    for n in [25,40]:
        add("spam", w*n)
for w in ["사세요","구매","좋아요","최고","대박","1등","ㅎㅇ","방가"]:
    add("spam", " ".join([w]*random.randint(8,14)))
for e in ["😀😃😄😁😆😅🤣😂🙂🙃😉😊😇🥰😍","🎉🎉🎉🎊🎊🎊🎉🎉🎉🎊🎊🎊🎉🎉🎉","💰💰💰💰💰💰💰💰💰💰💰💰","🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥"]:
    add("spam", e)
# ---- personal info
def phone():
    return "010"+"".join(R("0123456789") for _ in range(8))
kor={"0":R(["공","영"]),"1":"일","2":"이","3":"삼","4":"사","5":"오","6":"육","7":"칠","8":"팔","9":"구"}
def korphone():
    d=phone(); return "".join({"0":R(["공","영"]),"1":"일","2":"이","3":"삼","4":"사","5":"오","6":"육","7":"칠","8":"팔","9":"구"}[c] for c in d)
def fmt(d):
    return R([d, d[:3]+"-"+d[3:7]+"-"+d[7:], d[:3]+" "+d[3:7]+" "+d[7:], d[:3]+"."+d[3:7]+"."+d[7:], " ".join(d)])
pii_t=["제 번호 {ph} 이에요 당첨되면 연락주세요","{ph} 이벤트 응모합니다","응모 {ph} 김민지","연락처 {ph}","당첨되면 {ph} 로 연락 부탁드려요","{ph}","저 {ph} 문자주세요","이벤트 참여요 {ph} 박서연","번호 남겨요 {ph}","{kph} 이벤트 응모","제번호 {kph}","계좌 {acc} 국민 홍길동","환불 {acc} 신한 이지은 으로 부탁드려요","입금계좌 카카오뱅크 {acc}","{mail} 로 보내주세요","이메일 {mail} 이벤트 응모","주소 서울시 강남구 테헤란로 {n}길 {m} {h}동 {r}호","배송지 경기도 성남시 분당구 정자동 {m}번지 {r}호","부산 해운대구 우동 {m}-{n} 으로 보내주세요","주민번호 {jm}-{j2} 인데 본인인증이 안돼요","생년월일 {jm} 뒷자리 {j2}","제 주민번호 앞자리 {jm} 뒤 {j1}","010 {a} {b} 연락주세요","공일공 {ka} {kb} 문자요","영일영 {ka}에 {kb}","제 카톡아이디 {kid} 친추해주세요 당첨되면","{kph} 당첨되면 여기로","인스타 DM 주세요 {mail}"]
def kd(n): return "".join({"0":R(["공","영"]),"1":"일","2":"이","3":"삼","4":"사","5":"오","6":"육","7":"칠","8":"팔","9":"구"}[c] for c in "".join(R("0123456789") for _ in range(n)))
for _ in range(260):
    d=phone()
    t=R(pii_t).format(ph=fmt(d),kph=korphone(),acc=R(["110-{}-{}".format(random.randint(100,999),random.randint(100000,999999)),"3333-0{}-{}".format(random.randint(1,9),random.randint(1000000,9999999)),"{}-{}-{}".format(random.randint(100,999),random.randint(10,99),random.randint(100000,999999))]),mail=R(["minji{}@naver.com","sy.park{}@gmail.com","happy{}@daum.net","kim_{}@hanmail.net"]).format(random.randint(1,999)),n=random.randint(1,99),m=random.randint(1,300),h=random.randint(101,120),r=random.randint(101,1503),jm="{:02d}{:02d}{:02d}".format(random.randint(70,99),random.randint(1,12),random.randint(1,28)),j2=str(random.randint(1,4))+"".join(R("0123456789") for _ in range(6)),j1=random.randint(1,4),a="".join(R("0123456789") for _ in range(4)),b="".join(R("0123456789") for _ in range(4)),ka=kd(4),kb=kd(4),kid=R(["minji","love","happy"])+str(random.randint(10,99)))
    add("personal_info",t)
# ---- abuse aimed at host / shopping context
abuse=["진행자 존나 못생겼네","쇼호스트 말 존나 못하네 ㅅㅂ","시발 이걸 돈받고 파냐","씨1발 사기꾼들","개새끼들아 환불해줘","ㅅㅂ 배송 언제옴 병신들","ㅂㅅ같은 방송","호스트 돼지같음 살좀빼라","미친년 목소리 듣기싫어","닥쳐 진행자","꺼져라 사기꾼아","좆같은 물건 팔지마라","니네 엄마가 그렇게 가르쳤냐","틀딱들이나 사는 물건","한남충 꺼져","김치녀 같은게","지랄하네 진짜","ㅈㄹ 하지마 호스트","존1나 비싸게 파네 도둑놈들","병1신 같은 구성","느금마 방송","애미뒤진 가격","죽어라 진짜","쇼호스트 얼굴 테러","니가 뭘 알아 멍청아","ㄱㅅㄲ 판매자","시 발 이게 정품이냐","씨 바 ㄹ 환불","개같은 서비스","저능아냐 설명을 왜 그따구로","븅신 진행 못하네","ㅆㅂ 품절 장난하냐","호스트 발음 ㅈ같다","얼굴 보기 싫으니까 카메라 치워 돼지야","장애인처럼 말하네","너 같은 건 방송하면 안돼 쓰레기야","이 사기꾼 새끼들 신고한다","엿먹어라 판매자","미친놈 아니야 가격 저게","나가 뒤져라","ㅁㅊㄴ 진행자","개쓰레기 방송","대가리 깨져서 저런 소리하냐","ㅄ 같은 질문 받지마","호구들만 사는거","입 다물어 아줌마","씹 가격보소","좆도 모르면서 설명하네","병신들 ㅋㅋㅋ 이걸 사네","이 븅딱아 질문에 답이나 해"]
for a in abuse: add("abuse",a)
# ---- hard ok chats
ok=["와 미쳤다 이 가격 실화냐","개이쁘다 진짜","존예 색감 미쳤어요","사기템이네 이거 ㅋㅋ","미친 가성비","개꿀 구성이네요","존맛탱 후기 보고 왔어요","색 미쳐버림 ㅠㅠ","진짜 개좋아요 재구매","이거 완전 사기급 촉촉함","대박 미쳤다 품절각","헐 개싸다","존버해서 드디어 샀어요","ㅋㅋㅋㅋ 호스트님 웃겨요","미쳤나봐 너무 예뻐","개추 진짜 좋아요","이 가격 말이 되나 미쳤네","진짜 죽인다 이 색","죽겠다 너무 예뻐서","뽐뿌 오지게 오네요","주문번호 2024112512345 배송 언제 와요?","주문번호 20241203-0001234 취소 가능한가요","고객센터 1588-1234 맞나요?","고객센터 1544-0000 연결이 안돼요","택배 송장 6543-2109-8765 조회가 안돼요","55 사이즈 66 사이즈 차이 많이 나요?","허리 28 인치인데 M 맞을까요","키 165 몸무게 52 인데 S 괜찮나요","270mm 신으면 뭐 사요","39900원 맞아요?","2+1 이면 개당 13300원이네","1+1 언제까지에요","12월 25일까지 배송 되나요","10시 30분에 다시 방송해요?","쿠폰 15% 적용되나요","3개 사면 무료배송?","용량 500ml 맞죠","100g당 가격이 얼마에요","가로 120 세로 60 높이 75 맞나요","모델명 SM-A546N 호환돼요?","아이폰 15 pro 케이스 있나요","7시에 주문했는데 언제 와요","상품번호 8823741 이거 맞아요?","적립금 5000원 언제 들어와요","리뷰 이벤트 당첨자 발표 언제에요","당첨되면 어디로 연락와요?","카톡 선물하기 되나요","네이버페이 포인트 적립 되나요","쇼핑라이브 알림 받기 했어요","링크 어디있어요?","구매 링크 다시 올려주세요","홈페이지에서도 같은 가격인가요","스마트스토어 가격이랑 같나요","ㅅㄱ 수고하세요","ㅇㅋ 주문완료","ㄱㄱ 바로 결제","ㅇㄷ 블랙 ㅇㄷ","ㅈㅅ 사이즈 다시 알려주세요","ㄹㅇ 예쁘다","ㅁㅊ 너무 싸","헐 대박 ㅠㅠ","와 개쩐다","씹덕 취향 저격","존잘 모델님","꿀피부 부럽다","진짜 미친 퀄리티","이거 사기 아니죠? 너무 싸서","가짜 아니죠 정품 맞나요","짝퉁이면 어떡해요 정품인증 되나요","환불 규정 알려주세요","교환은 몇일 이내에요","배송비 3000원 별도인가요","010 으로 시작하는 번호로 문자 왔는데 이벤트 맞나요","문자로 쿠폰 온다는데 언제 와요","당첨 문자 받았어요 감사합니다","본인인증 어떻게 해요","주소 변경 어디서 해요","배송지 변경 가능한가요","계좌이체 되나요","무통장 입금 가능?","카드 할부 몇개월 돼요","3개월 무이자 되나요","지금 4만9천원 맞아요?","오만원 이하에요?","삼만 구천원이면 사야지","세일 이십프로 맞죠","일이삼 사이즈 중에 뭐가 커요","이번이 마지막 방송이에요?","구매 완료 인증합니다","2시간 남았다 빨리 사자","하나 둘 셋 결제","1번 2번 색상 차이가 뭐에요","3번 색 보여주세요","4호 5호 비교해주세요","21호 23호 뭐가 밝아요","파데 13호 있나요","7번 상품 재입고 언제","재고 12개 남았대 빨리","100개 한정이래요","수량 50개 남음","ㅋㅋㅋㅋㅋㅋㅋㅋ 귀여워","ㅠㅠㅠㅠ 품절이라니","우와아아아 예쁘다","사고싶다아아아","대박대박대박","좋아요 좋아요","최고에요 최고","이거 미친듯이 잘 팔리겠다","진짜 개웃기네 ㅋㅋ 호스트님","호스트님 목소리 너무 좋아요","언니 피부 미쳤어요","오늘 방송 개재밌다","이 언니 진짜 웃겨 ㅋㅋㅋ","아 존나 갖고싶다","씨 너무 싸다 진짜","하 미치겠다 다 사고싶어","뒤지게 예쁘네","쩐다 쩔어","죽이는 핏이다","미친 핏","개쩌는 구성","개사기 가격","완전 사기캐 제품","욕나오게 예쁘다","딱 내스타일","기미 잡티 커버돼요?","여드름 피부도 쓸 수 있나요","민감성 피부인데 괜찮을까요","아기가 써도 되나요","강아지가 먹어도 돼요?","전자레인지 돼요?","식세기 가능?","세탁기 돌려도 되나요","A/S 기간 얼마에요","보증기간 1년 맞죠","정품 시리얼넘버 있나요","제조일자 2024.11 맞나요","유통기한 언제까지에요","원산지 어디에요","국내산 맞죠","색상 번호 #302 있나요","품번 AB-1234 재입고요","www 주소 알려주세요","쇼핑몰 이름이 뭐에요","스토어 찜했어요","소식받기 눌렀어요","알림 설정 완료","다음 방송 언제에요"]
for o in ok: add("ok",o)
random.shuffle(out)
with open(OUT,"w") as f:
    f.write("# LiveQ live-commerce moderation corpus (training). label<TAB>text. Written for LiveQ; see README.md.\n")
    for l,t in out: f.write(f"{l}\t{t}\n")
print(len(out))

# ---- second round (templated abuse aimed at hosts and sellers, and intensifier praise)
random.seed(29)
more=[]
targets=["진행자","호스트","쇼호스트","판매자","사장","언니","오빠","니네","너","방장","이 방송","저 여자","저 남자","직원들"]
insults=["병신","ㅂㅅ","븅신","시발","ㅅㅂ","씨발","시1발","씨 발","존나 못생겼네","돼지 같네","꺼져","닥쳐","미친년","미친놈","개새끼","ㄱㅅㄲ","쓰레기","사기꾼 새끼들","저능아","틀딱","좆같네","ㅈ같네","지랄하네","ㅈㄹ","엠창","애미","느금마","뒤져라","죽어버려","장애인이냐","개돼지","머저리","찐따","한남충","김치녀","걸레","정신병자","또라이","씹새","존1나 짜증"]
frames=["{t} {i}","{t} 진짜 {i}","{i} {t}","{t} {i} ㅋㅋ","아 {t} {i}","{t}야 {i}","{t} 왜저래 {i}","{i} 같은 {t}","{t} 말하는거 {i}","{t} 얼굴 {i}"]
for _ in range(260):
    more.append(("abuse", R(frames).format(t=R(targets), i=R(insults))))
praise_pre=["개","존","존나","졸라","미친","사기","죽이는","쩌는","레전드","역대급","미쳤다","대박","ㅁㅊ","ㄹㅇ","진짜 개"]
praise_post=["예쁘다","싸다","좋다","귀엽다","맛있다","가성비","구성","색감","핏","촉촉해요","이득","혜자","꿀템","편해요","가볍다","고급지다","부드럽다","탄탄해요","실용적","튼튼하네"]
okframes=["{a} {b}","{a}{b}","와 {a} {b}","{a} {b} ㅋㅋㅋ","이거 {a} {b}","{a} {b} 사야지","{a} {b} 품절각","{a} {b}ㅠㅠ","{a} {b} 진짜","언니 {a} {b}"]
for _ in range(260):
    more.append(("ok", R(okframes).format(a=R(praise_pre), b=R(praise_post))))
nums=["주문번호 {o} 배송 언제와요","{o} 주문했는데 취소요","송장번호 {o} 조회 안돼요","고객센터 {c} 전화 안받아요","{c} 여기로 전화하면 되나요","{p}원 맞아요?","{p}원이면 사야지","{s} 사이즈 있나요","{s} 입으면 {s2} 사요?","키 {h} {w}kg 인데 사이즈 추천","{n}개 사면 할인돼요?","{n}시에 다시 방송해요?","쿠폰번호 {o} 안먹어요","적립금 {p}원 언제 들어와요","{n}번 상품 재입고요","{n}번 {n2}번 색 비교해주세요","용량 {n}ml 맞죠","가로 {n}cm 세로 {n2}cm","모델번호 SM-{n}{n2} 호환되나요","{n}+{n2} 행사 언제까지","할인가 {p}원 배송비 {n}000원","택배 {c} 로 문의하래요"]
for _ in range(240):
    more.append(("ok", R(nums).format(o=str(random.randint(10**11,10**14)),c=R(["1588","1544","1577","1600","1661","080-"+str(random.randint(100,999))])+"-"+str(random.randint(1000,9999)),p=f"{random.randint(5,300)*1000+R([0,900,500]):,}",s=R(["44","55","66","77","88","S","M","L","XL","230","240","250","260","270"]),s2=R(["55","66","M","L","245","255"]),h=random.randint(150,190),w=random.randint(40,95),n=random.randint(1,30),n2=random.randint(1,30))))
with open(OUT,"a") as f:
    for l,t in more: f.write(f"{l}\t{t}\n")
print(len(more))

# ---- third round (after clean2.tsv was run once and read as consulted): spam that asks viewers to
# move to a messenger with a handle but no link, side-job / loan / pill / investment offers with no
# contact at all, and hard ok chats that are short Latin + Hangul + digit mixes ("size 2번", "new 컬러").
random.seed(37)
third=[]
offers=["재택 부업 하루 {n}만 가능","폰 하나로 월 {m}만 부수입","주부 알바 시간 자유 일당 {n}만","급전 필요하신 분 당일 입금","신용 상관없이 비상금 대출","무서류 소액 대출 바로 승인","식욕 억제제 처방 없이 구해드림","다이어트 약 정품 최저가","비아그라 정품 택배 발송","코인 리딩 수익률 {p}%","원금 보장 투자 월 {p}% 수익","해외 선물 리딩 무료 체험","축구 분석 픽 적중률 {p}%","스포츠 무료 픽 공유방","명품 가방 정품급 도매","해외 구매대행 관부가세 포함 최저가","인스타 팔로워 좋아요 판매","유튜브 구독자 늘려드립니다","중고폰 최고가 매입","카드 현금화 수수료 최저"]
pieces=["job","work","money","cash","rich","win","pick","vip","bet","loan","fast","quick","diet","slim","coin","invest","king","ace","best","pro","shop","buy","deal","home","easy","luck","gold","star"]
def handle():
    h=R(pieces)+R(["",R(pieces)])+R(["","","7","77","88","99","24","365","1004","_kr","_01"])
    return R(["","","@"])+h
contacts=["카톡 {h}","카톡 아이디 {h}","카톡ID {h}","카카오톡 {h}","텔레 {h}","텔레그램 {h}","텔레 아이디 {h}","오픈채팅 {h}","오픈톡 {h} 검색","카톡 {h} 친추","{h} 카톡 주세요","텔레 {h} 로 연락","문의는 카톡 {h}","관심있으면 텔레 {h}","위챗 {h}"]
for _ in range(220):
    o=R(offers).format(n=R([5,10,15,20,30]),m=R([100,200,300,500]),p=R([30,50,100,200,300]))
    c=R(contacts).format(h=handle())
    third.append(("spam", R(["{o} {c}","{c} {o}","{o} {c} 선착순","{o}! {c}"]).format(o=o,c=c)))
for _ in range(90):
    o=R(offers).format(n=R([5,10,15,20,30]),m=R([100,200,300,500]),p=R([30,50,100,200,300]))
    third.append(("spam", R(["{o}","{o} 연락 주세요","{o} 관심 있으신 분","{o} 쪽지 주세요","{o} 문의 환영","ㅂㅇ {o}","{o} 자세한건 연락"]).format(o=o)))
latin=["last","first","next","new","best","size","color","ok","set","sale","live","top","pink","black","white","free","mini","max","pro","plus","event","item","no","yes","hi","wow","good","nice","lol","hello","thanks","sold","out","open","link","kakao","line","tg","mint","navy","beige","gray","xl","cm","kg","ml","ver","pack","box"]
hangul=["메시지","상품","번호","컬러","구성","사이즈","세트","이벤트","옵션","질문","주문","색상","가격","재고","할인","쿠폰","배송","후기","리뷰","추가","선택","방송","언니","사장님","몇개","있어요","주세요","맞아요","되나요","이요","번","개","호"]
for _ in range(260):
    w=[R(latin),R(hangul),str(R([1,2,3,4,5,10,20,30,55,66,100,250]))]
    random.shuffle(w)
    if random.random()<0.3: w=w[:2]
    third.append(("ok"," ".join(w)))
with open(OUT,"a") as f:
    for l,t in third: f.write(f"{l}\t{t}\n")
print(len(third))

# ---- fourth round (after clean3.tsv had its two clean runs and was read as consulted, 2026-12-03):
# the kinds a new author wrote that the model missed, in new phrasings and slot lists written for this
# round (no clean3 line copied): abuse with no curse word (looks, threats, slurs on groups, family,
# intelligence), curses typed in Latin letters (romanised, or on a Korean keyboard left in English
# mode), elongated and respelled curses; spam offers with no link (follower sales, a rival seller's own
# store or broadcast, gambling, loans and cash-outs, side jobs, meetings, replicas, stock rooms) that
# point to a profile, DM or a name to search; a phrase repeated as a flood; and hard ok chats that
# name stores, platforms, bodies, looks, luck and codes without being abuse or spam.
random.seed(41)
fourth=[]
CHO="ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
KEY_CHO=["r","R","s","e","E","f","a","q","Q","t","T","d","w","W","c","z","x","v","g"]
KEY_JUNG=["k","o","i","O","j","p","u","P","h","hk","ho","hl","y","n","nj","np","nl","b","m","ml","l"]
KEY_JONG=["","r","R","rt","s","sw","sg","e","f","fr","fa","fq","ft","fx","fv","fg","a","q","qt","t","T","d","w","c","z","x","v","g"]
def keyboard(s):
    """Hangul as typed on a Korean keyboard left in English mode (시발 -> tlqkf)."""
    o=""
    for ch in s:
        c=ord(ch)
        if 0xAC00<=c<=0xD7A3:
            i=c-0xAC00; o+=KEY_CHO[i//588]+KEY_JUNG[(i%588)//28]+KEY_JONG[i%28]
        else: o+=ch
    return o
def initials(s):
    return "".join(CHO[(ord(ch)-0xAC00)//588] if 0xAC00<=ord(ch)<=0xD7A3 else ch for ch in s)
def stretch(s):
    """Draws out one syllable with its vowel (씨발 -> 씨이이발)."""
    VOW={0:"아",1:"애",4:"어",5:"에",6:"여",8:"오",13:"우",17:"유",18:"으",20:"이"}
    i=random.randrange(len(s)); c=ord(s[i])
    if not 0xAC00<=c<=0xD7A3: return s
    v=((c-0xAC00)%588)//28
    if v not in VOW: return s
    return s[:i+1]+VOW[v]*random.randint(1,4)+s[i+1:]
def evade(s):
    k=random.random()
    if k<0.2: return keyboard(s)
    if k<0.35: return initials(s)
    if k<0.5: return stretch(s)
    if k<0.62: return " ".join(s)
    if k<0.74: return R(["1",".","*","_","8","ㅡ"]).join(s)
    return s
# 존나/ㅈㄴ/졸라 are left out: in shopping chat they are mostly praise intensifiers (the hard ok kind).
curse_words=["시발","씨발","병신","개새끼","지랄","미친놈","미친년","새끼","좆같네","닥쳐","꺼져","염병","썅","개같네","등신","쓰레기","호로새끼","븅신","개소리"]
romanised=["sibal","ssibal","shibal","c8","cibal","byungsin","bs","jotgatne","gaesaekki","michin","dakchyeo","ssang","si발","시bal","ssi발","개sae끼","ㅅㅣ발","씌발","쉬발","씨빨","시바알","벼엉신","개섀끼","개쉑","ㅗㅗ","ㅗ"]
hosts=["진행자","호스트","셀러","사장","판매자","쇼호스트","모델","저 아줌마","저 아저씨","매니저","직원","관리자","방장","MC","너네","니들","여기 운영자","시청자들","채팅창 애들","구매자들"]
situ=["배송 언제 와","품절 또 뭐야","환불 해줘","답을 안하네","가격 장난하냐","말 끊지마","대답 좀 해","설명 왜 이래","쿠폰 안 먹히네","재고 장난치냐","방송 왜 이래","물건 왜 이따위야","연결 끊기잖아","이거 불량이야"]
for _ in range(140):
    w=evade(R(curse_words)) if random.random()<0.55 else R(romanised)
    fourth.append(("abuse", R(["{w} {s}","{s} {w}","{h} {w}","{w} {h} {s}","{h} {s} {w}","{w}!! {s}","{s}? {w} 진짜"]).format(w=w,s=R(situ),h=R(hosts))))
# abuse with no curse word: looks, smells, threats, groups, family, intelligence
parts=["얼굴","피부","몸매","목소리","머리숱","이빨","턱","뱃살","팔뚝","다리","표정","화장","콧구멍","눈깔","입"]
disgust=["보기만 해도 속이 울렁거린다","토할 것 같다","역겹다 진짜","징그러워 죽겠네","혐오스럽다","눈이 썩는다","구역질 나","비위 상하네","괴물 같아","오크 같네","하마 같다","화면 깨질 듯","공포영화냐","밥 먹다 체하겠다","냄새 날 것 같아"]
for _ in range(70):
    fourth.append(("abuse", R(["{h} {p} {d}","{p} {d} {h}","{h} {p} 진짜 {d}","아 {h} {p} {d} ㅋㅋ","{h}는 {p}부터 {d}"]).format(h=R(hosts[:12]),p=R(parts),d=R(disgust))))
threats=["집 찾아간다","퇴근길 조심해라","회사 앞에서 기다릴게","가만 안 둘 거야","칼 들고 간다","매장 다 엎어버린다","신상 털어버린다","얼굴 알아놨다","주소 알아내서 찾아간다","너 내 손에 죽는다","사무실 태워버린다","한 대 맞고 싶냐","차 긁어버린다"]
for _ in range(45):
    fourth.append(("abuse", R(["{h} {t}","{t} {h}","환불 안 해주면 {t}","{h} 두고봐 {t}","이거 또 불량이면 {t}"]).format(h=R(hosts[:12]),t=R(threats))))
groups=["짱깨","쪽발이","짱개","조선족","똥남아","홍어","전라디언","개독","급식충","맘충","틀딱","한녀","한남","흑형","장애인","정신병자","여자들","아줌마들","노인네들"]
gsay=["{g} 말투 {x}","{g} 같은 {h}","{h} {g}처럼 생겼네","{g}들은 사지마라 {x}","{g} 냄새 나는 방송","{h} {g}이냐 {x}","이런건 {g}나 사지"]
for _ in range(50):
    fourth.append(("abuse", R(gsay).format(g=R(groups),h=R(hosts[:12]),x=R(["극혐","역겹다","토나와","꼴보기싫다","수준 알겠다","더럽다"]))))
fam=["애미 없냐","애비 없는","부모가 안 가르쳤냐","니 엄마가 불쌍하다","느그 애미","니애미","패드립 각","부모님 울겠다","집안 꼴 알만하다"]
smart=["뇌가 있긴 하냐","머리는 장식이냐","아이큐 두자리냐","초딩도 너보단 잘하겠다","지능 수준 봐라","무식한게 자랑이네","돌대가리냐","멍청한 티 팍팍 나네","한글도 못 읽냐","생각이란걸 안 하네","덜떨어졌냐"]
for _ in range(60):
    fourth.append(("abuse", R(["{h} {f}","{f} {h}","{h} {f} ㅋㅋㅋ","진짜 {h} {f}","{h} 질문에 답도 못하고 {f}"]).format(h=R(hosts[:12]),f=R(fam+smart))))
bad=["불량품","재고떨이","반품 대상","쓰레기","짝퉁","하자품","폐기물"]
for _ in range(25):
    fourth.append(("abuse", R(["제일 {b}은 {h}","{h}가 진짜 {b}이네","{h}부터 {b} 처리해라","반품하고 싶은건 {h}"]).format(b=R(bad),h=R(hosts[:12]))))
# spam offers with no link, pointing to a profile, DM or a name to search
cta=["DM 주세요","디엠 주세요","디엠 ㄱㄱ","쪽지 주세요","프로필 링크 확인","프로필 보세요","프사 눌러보세요","소개글 참고","제 채널 들어와보세요","닉네임 눌러보세요","오픈톡 검색하세요","텔레그램으로 문의","검색창에 치면 나와요","댓글 말고 귓말 주세요","카톡 친추 주세요","선착순 마감"]
platforms=["인스타","유튜브","틱톡","페북","블로그","스레드","트위터"]
metrics=["팔로워","좋아요","구독자","조회수","댓글","리뷰","찜"]
for _ in range(45):
    fourth.append(("spam", R(["{p} {m} {q} {pr} {c}","{p} {m} 늘려드려요 {pr}부터 {c}","{m} {q} 단돈 {pr} {c}","{p} {m} 구매 대행 {c}","{p} 계정 키워드림 {m} 보장 {c}"]).format(p=R(platforms),m=R(metrics),q=R(["500개","1천","3천명","1만","5만"]),pr=R(["3천원","9900원","1만원","2만원","만원"]),c=R(cta))))
shops=["별빛상점","민트마켓","하루옷장","달빛몰","봄날샵","오늘의딜","소소상회","데일리룩","여름가게","콩이네"]
for _ in range(55):
    fourth.append(("spam", R(["저도 {x} 파는데 {n}% 더 싸게 드려요 {s} 검색","{s} 에서 같은거 {y} 싸요 {c}","우리 가게 {s} 오늘 {t} 라방 해요 놀러오세요","제 방송이 더 싸요 {s} 채널로 오세요","여기 말고 {s} 가면 반값 {c}","{s} 사장인데요 같은 제품 도매가로 드림 {c}","라방 {t} 시작 {s} 많관부 여기보다 구성 좋아요","이 방송보다 {s}가 훨씬 쌈 {c}"]).format(x=R(["옷","화장품","가방","신발","주방용품"]),n=R([10,20,30,40]),s=R(shops),y=R(["만원","5천원","2만원"]),t=R(["7시","9시","10시","오늘밤","내일 8시"]),c=R(cta))))
gamble=["파워볼 픽 공유","사다리 실시간 분석","홀덤 무료 칩","슬롯 첫충 {n}%","바카라 본사 직영","에볼루션 카지노 입장","미니게임 적중방","안전놀이터 추천","메이저사이트 먹튀 없음","꽁머니 {m}만 지급","스포츠 배당 최고","라이브 카지노 가입코드 {code}","토토 매충 {n}% 가입코드 {code}","경마 확실한 정보"]
money=["작업대출 문의","신불자 연체자 대출 가능","비상금 {m}만 당일","햇살론 대행","휴대폰 소액결제 현금화","카드깡 최고 시세","상품권 매입 수수료 최저","통장 삽니다 월 {m}만","내구제 대출 상담","정보이용료 현금화 {n}%"]
jobs=["대리 입금 알바 건당 {m}만","리뷰 알바 건당 {m}천원","댓글 알바 재택","타이핑 알바 하루 {m}만","포장 부업 주 {m}만","구매대행 알바 모집","체험단 고수익","스마트폰 부업 초보 가능","고액 알바 당일 지급","통장만 빌려주면 {m}만"]
meet=["조건만남 가능한 분","외로운 분 만남 어플","애인대행 합니다","랜덤채팅 19 영상","몰래 만날 분","오늘밤 만날사람"]
fake=["명품 가방 정품급","미러급 명품 지갑","S급 레플 시계","1:1 이미테이션 신발","홍콩 명품 직배송","가품 아닌 정품급 벨트","해외 도매 짝퉁 에어팟"]
stock=["급등주 무료 추천","종목 찍어드림 수익 {n}%","코인 상장 전 정보","에어드랍 무료 지급","리딩방 무료 체험","단톡방 입장 수익 인증","미국주식 대장주 공개"]
for pool,count in [(gamble,60),(money,45),(jobs,45),(meet,20),(fake,30),(stock,35)]:
    for _ in range(count):
        o=R(pool).format(n=R([10,20,30,50,100]),m=R([3,5,10,20,30,50]),code=R(["VIP","WIN","BET","ACE","GOLD"])+str(random.randint(10,999)))
        fourth.append(("spam", R(["{o}","{o} {c}","{c} {o}","{o} {c} 선착순","[{o}] {c}","{o}~ {c}"]).format(o=o,c=R(cta))))
# links spelled to slip past link filters
words=["cheapmall","bestdeal","goodbuy","winbig","easymoney","lucky7","hotdeal","freejob","coinup","mybet"]
for _ in range(50):
    w=R(words)
    link=R(["{w} 점 컴","{w} 닷컴","{w} dot com","{w} (dot) net","{w} . com","{w}[.]kr","{w} 쩜 컴","www 점 {w} 점 컴","h t t p {w} 닷 컴","{w}。com","{w} 점 넷"]).format(w=w)
    fourth.append(("spam", R(["{l} 들어가보세요","여기보다 싸요 {l}","{l} 에서 {o}","{o} 주소는 {l}","{l} 검색 ㄱㄱ"]).format(l=link,o=R(["반값 세일","무료 쿠폰","가입머니 지급","부업 모집","최저가"]))))
# a phrase repeated as a flood
for _ in range(30):
    ph=R(["무료 나눔 합니다","쿠폰 드려요","팔로우 해주세요","제 방송 와주세요","구독 좋아요 부탁","이벤트 참여하세요","맞팔해요","돈 버는 방법"])
    fourth.append(("spam", " ".join([ph]*random.randint(3,5))))
# personal information spoken with words between the groups, spelled emails, flat numbers
def dg(n): return "".join(R("0123456789") for _ in range(n))
KN={"0":"공","1":"일","2":"이","3":"삼","4":"사","5":"오","6":"육","7":"칠","8":"팔","9":"구"}
def kn(s): return "".join(KN[c] for c in s)
glue=["에","하고","다음에","그리고","다시","끝번호","뒤에는","이구","에다가","가운데"]
for _ in range(40):
    a,b=dg(4),dg(4)
    if random.random()<0.5: first,mid,last="010",a,b
    else: first,mid,last="공일공",kn(a),kn(b)
    fourth.append(("personal_info", R(["{f} {g1} {m} {g2} {l} {e}","연락처는 {f}{g1} {m}{g2} {l}","{f} {g1} {m} {g2} {l}","제 폰 {f} {g1} {m} {g2} {l} 이에요"]).format(f=first,m=mid,l=last,g1=R(glue),g2=R(glue),e=R(["요","이요","입니다","로 문자줘요",""]))))
ids=["sora","jiho","hana","mingu","yuna","dawon","seojun"]
for _ in range(30):
    i=R(ids)+dg(random.randint(2,4))
    fourth.append(("personal_info", R(["{i} 골뱅이 {h} 점 컴 으로 보내주세요","메일 {i} at {h} dot com","{i} 앳 {h} 닷컴 이에요","{i}(at){h}.com 으로 연락","견적은 {i} 골뱅이 {h}.net"]).format(i=i,h=R(["naver","gmail","daum","hanmail","kakao"]))))
for _ in range(30):
    fourth.append(("personal_info", R(["{c} {d} {apt} {b}동 {r}호 로 보내주세요","받는곳 {d} {apt} {b}동 {r}호","{c} {d} {apt} {b}동 {r}호 에요 이벤트 선물","배송은 {d} {apt} {b}동 {r}호"]).format(c=R(["인천 연수구","광주 북구","울산 남구","수원 영통구","청주 흥덕구","창원 성산구"]),d=R(["송도동","매곡동","삼산동","매탄동","복대동","상남동"]),apt=R(["푸르지오","래미안","자이","힐스테이트","e편한세상","롯데캐슬"]),b=random.randint(101,130),r=random.randint(101,2505))))
# hard ok chats: stores, platforms, looks and bodies, luck and codes, complaints without abuse
okl=["스마트스토어에서도 같은 가격이에요?","공식몰이랑 가격 같나요","쿠팡에도 팔아요?","홈페이지 주소 어디서 봐요","인스타 계정 뭐에요 팔로우 할게요","유튜브 채널 구독했어요","소식받기 눌렀어요 쿠폰 주세요","DM 드렸는데 답이 없어요","톡톡 문의 남겼어요","카톡 채널 추가하면 쿠폰 되나요","당첨자 발표 인스타에 올라와요?","프로필에 링크 있다는데 안보여요","검색창에 상품명 치면 나와요?","제 방송 아니고 친구가 추천해줬어요","다른 채널에서 보고 왔어요","라방 몇시에 또 해요","다음 라방 알림 설정했어요","우리 엄마도 보고 있어요","모델 키 몇이에요","모델분 얼굴 작아 보여요","다리 길어 보이는 핏이네","뱃살 커버 되나요","팔뚝살 가려지나요","얼굴 큰 사람도 어울려요?","머리숱 없는 사람한테 좋은 샴푸?","입냄새 제거되는 치약인가요","목소리 너무 좋으세요","피부 좋아지고 싶다 ㅠ","돼지고기 세트 언제 열려요","돼지띠 선물로 좋겠다","하마 인형 귀여워","오크통 숙성 맞나요","괴물 같은 흡입력 청소기네","토할만큼 먹고싶다 ㅋㅋ","역대급 구성 미쳤다","죽여주는 색감","찢었다 오늘 코디","사다리 타기 이벤트 또 해요?","룰렛 이벤트 당첨됐어요","추첨 몇시에 해요","1등 당첨 부럽다","쿠폰 코드 뭐에요","추천인 코드 어디에 넣어요","적립금 현금처럼 쓸 수 있나요","무이자 할부 되나요","알바생분들 고생 많으세요","부업으로 리뷰 쓰는 사람 많죠 ㅋㅋ","배송이 너무 늦어서 속상해요","품절 너무 빨라요 ㅠㅠ","환불 언제 처리돼요","이번 구성은 좀 아쉽네요","가격이 좀 비싸다","지난번 거 불량이었어요 교환 돼요?","설명 다시 해주세요 못 들었어요","답변 부탁드려요 아까부터 물어봤는데","장난 아니다 이 가격","말도 안되는 가격","정신없이 샀다","미친듯이 결제함","진짜 짜증나게 예쁘네","질투날 만큼 예뻐요","사장님 목소리 쉬셨어요","오늘 화장 잘 먹었네요","진행자님 머리 자르셨어요?","명품 같은 디자인","정품 인증서 있나요","가품 걱정 없죠?","해외 직구 상품인가요","홍콩 배송이에요?","주식보다 이게 낫다 ㅋㅋ","코인 떨어져서 이거라도 산다","로또 되면 다 살게요","카지노 온 줄 ㅋㅋ 다 터지네","만남의 광장 지나가는 중","모임 선물로 사요","팔로우 했어요 소식 받을게요","좋아요 누르고 갑니다","구독 눌렀어요","댓글 이벤트 참여합니다","리뷰 쓰면 적립금 주나요","찜 해놨어요","공유하기 눌렀어요","네이버 아이디로 로그인 되나요","아이디 끝자리 당첨이에요?","닉네임 바꿨어요","dot 패턴 원피스 있나요","com 버전 있어요?","점 하나 찍힌 디자인 예뻐","닷 무늬 귀여워요","에어팟 케이스 맞아요?","조던 사이즈 정사이즈에요?","지갑 수납 많이 돼요?","급하게 필요한데 내일 와요?","당일 발송 되나요","선착순 몇 명이에요","마감 언제에요","바로 구매했어요","방장님 공지 올려주세요","매니저님 링크 다시 부탁해요","진행자님 최고","셀러님 친절하셔서 좋아요","구매자들 후기 좋네요","시청자 이벤트 너무 좋다","채팅창 다들 신났다 ㅋㅋ"]
for o in okl: fourth.append(("ok",o))
# hard ok chats by template: a viewer's body or look as a question, and praise with rough words
for _ in range(120):
    fourth.append(("ok", R(["{p} 때문에 고민인데 {q}","{p} 커버 돼요? {q}","{h}님 {p} 관리 어떻게 해요","{h}님 {p} 부러워요","제 {p}엔 어떨까요","{p}가 좀 {k}편인데 괜찮나요"]).format(p=R(parts[:12]),q=R(["추천해주세요","몇 사이즈요","어떤 색이 나아요","효과 있나요",""]),h=R(["진행자","호스트","모델","셀러","사장"]),k=R(["큰","작은","넓은","두꺼운","짧은","건조한"]))))
for _ in range(80):
    fourth.append(("ok", R(["{a} 예쁘다 진짜 {b}","{b} {a} 구성","와 {a} {b}","{a} 좋다 {b} 사야지"]).format(a=R(["미친","역대급","개","존","레전드","찢었다","죽여주는"]),b=R(["ㅠㅠ","ㅋㅋㅋ","이건 사야돼","품절각","재구매 각","",""]))))
with open(OUT,"a") as f:
    for l,t in fourth: f.write(f"{l}\t{t}\n")
print(len(fourth))

# fourth round, part two: offers composed from an opener, an offer verb phrase, a promise and a call to
# action, so the spam class learns the shape of an offer rather than a few fixed sentences.
random.seed(43)
composed=[]
openers=["","","","안녕하세요","여러분","필독","[광고]","★","급구","혹시","잠깐만요","정보 공유","좋은 소식"]
goods=["명품 시계","정품급 운동화","다이어트 보조제","해외 의약품","중고 아이폰","게임 계정","상품권","골프채","전자담배","한약 다이어트"]
verbs=["팝니다","판매합니다","매입합니다","삽니다","드립니다","나눠드려요","싸게 넘겨요","구해드려요","대신 사드려요","공구합니다"]
work=["부업","재택 알바","투잡","고수익 알바","주말 알바","단기 알바","쇼핑몰 부업","SNS 부업","블로그 부업","영상 편집 부업"]
recruit=["모집합니다","구합니다","사람 찾아요","하실 분","같이 하실분","자리 남았어요","마감 임박"]
promise=["100% 보장","수수료 없음","당일 지급","초보 가능","누구나 가능","선착순 {n}명","비밀 보장","후기 많아요","인증 완료","무료 체험","하루 {n}만","월 {m}만 보장","원금 보장","{n}% 할인","택배 발송"]
cta2=["DM","디엠","쪽지","프로필 링크","프사 클릭","소개글 확인","채널 방문","오픈톡","텔레","카톡 친추","검색하면 나와요","문의 주세요","연락 주세요","댓글 말고 개인 메시지","귓속말"]
for _ in range(260):
    k=random.random()
    if k<0.35: body=f"{R(goods)} {R(verbs)}"
    elif k<0.7: body=f"{R(work)} {R(recruit)}"
    else: body=R(gamble+money+jobs+stock+fake).format(n=R([10,20,30,50]),m=R([5,10,30,50]),code=R(["VIP","ACE"])+str(random.randint(10,99)))
    pr=R(promise).format(n=R([3,5,10,20,30]),m=R([100,200,300,500]))
    parts_=[R(openers),body,pr,R(cta2)]
    if random.random()<0.3: parts_[1],parts_[2]=parts_[2],parts_[1]
    composed.append(("spam"," ".join(p for p in parts_ if p)))
# ok chats with the same words a viewer uses about this shop (buying, not selling)
for _ in range(160):
    composed.append(("ok", R(["{g} 언제 다시 팔아요?","{g} 구성 좋네요","저 {g} 샀어요","{g} 재입고 알림 신청","{g} 후기 궁금해요","{w} 하면서 보는 중","{w} 끝나고 들어왔어요","{pr} 진짜에요?","{pr} 맞나요","{c} 어디서 봐요"]).format(g=R(goods),w=R(work),pr=R(["무료 배송","당일 발송","100% 환불","1+1","선착순 100명","사은품 증정","{n}% 할인".format(n=R([10,20,30]))]),c=R(["공지","쿠폰","이벤트 안내","당첨자","구매 링크","상세페이지"]))))
with open(OUT,"a") as f:
    for l,t in composed: f.write(f"{l}\t{t}\n")
print(len(composed))

# fourth round, part three: ok chats the model still read as abuse or spam after parts one and two —
# viewers talking to each other, warnings about scams and spam in the chat, and plain complaints.
random.seed(47)
third_ok=[]
call=["얘들아","여러분","다들","언니들","님들","시청자분들","우리","같이 보는 분들"]
push=["이거 사세요","빨리 담아요","품절 전에 지르자","후회 안해요","저 벌써 두개 샀어요","이 구성 다신 안나와요","무조건 사야함","놓치면 손해에요"]
warn=["번호 남기라는 댓글 믿지 마세요","링크 올리는 사람 광고니까 누르지 마요","부업 댓글 다 사기에요","카톡 아이디 올리는 거 스팸이에요 신고해요","개인정보 채팅에 쓰지 마세요","이벤트 사칭 문자 조심하세요","가짜 계정 조심","운영자님 광고 좀 가려주세요","도배하는 사람 강퇴 해주세요","욕하는 사람 신고했어요"]
gripe=["배송 진짜 느리네요","이번엔 좀 실망","가격 올랐네 아쉽다","설명이 너무 빨라요","화면이 자꾸 끊겨요","소리가 작아요","또 품절이라니 속상해","지난번 거 색이 달랐어요","답변이 늦네요","재고 좀 넉넉히 해주세요"]
host_praise=["텐션","입담","미모","피부","목소리","진행","센스","말빨","코디","비주얼"]
wow=["미쳤다","미쳤어 ㅋㅋ","미쳤네","개쩐다","지린다","오진다","레전드","ㅈㄴ 좋아","존나 웃겨","찢었다","역대급","쩔어"]
for _ in range(70):
    third_ok.append(("ok", R(["{h} {p} {w}","오늘 {h} {p} {w}","{h}님 {p} {w}","와 {h} {p} {w} ㅋㅋ","{p} {w} {h}님"]).format(h=R(["호스트","진행자","쇼호스트","셀러","사장님","언니","모델"]),p=R(host_praise),w=R(wow))))
for _ in range(140):
    k=random.random()
    if k<0.35: t=f"{R(call)} {R(push)}"
    elif k<0.7: t=R([f"{R(warn)}",f"{R(call)} {R(warn)}",f"{R(warn)} {R(['ㅠㅠ','!!','ㅋㅋ',''])}"])
    else: t=R([f"{R(gripe)}",f"{R(gripe)} {R(['ㅠ','...','요','!'])}",f"사장님 {R(gripe)}"])
    third_ok.append(("ok", t.strip()))
with open(OUT,"a") as f:
    for l,t in third_ok: f.write(f"{l}\t{t}\n")
print(len(third_ok))

# ---- fifth round (after clean4.tsv had its two clean runs and was read as consulted, 2026-12-03): the
# kinds a new author wrote that the model missed, in phrasings and slot lists written for this round (no
# clean4 line copied). Spam: a rival seller inviting viewers to their own broadcast, store or channel with
# no link, cheaper-elsewhere offers by private message, follow-for-follow, referral codes for money apps,
# coin and stock pumps, private loans, replicas with a price, factory-direct offers, paid reviews, phishing
# giveaways (connect a wallet, verify to claim), adult lures, gambling words split into jamo or as 초성.
# Abuse: 초성 and number curses, insults to other viewers (mouths, shut up), sexual harassment of the host,
# sarcasm about sense and manners. Hard ok: "죽겠다" as a sigh, family teasing about shopping, numbers
# beside 18 (dates, hours, prices), underwear and bust sizes asked as sizes.
random.seed(53)
fifth=[]
CHO="ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
JUNG="ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
JONG=["","ㄱ","ㄲ","ㄳ","ㄴ","ㄵ","ㄶ","ㄷ","ㄹ","ㄺ","ㄻ","ㄼ","ㄽ","ㄾ","ㄿ","ㅀ","ㅁ","ㅂ","ㅄ","ㅅ","ㅆ","ㅇ","ㅈ","ㅊ","ㅋ","ㅌ","ㅍ","ㅎ"]
def jamo(s, sep=" "):
    o=[]
    for ch in s:
        c=ord(ch)-0xAC00
        if 0<=c<11172: o+= [CHO[c//588], JUNG[(c%588)//28]] + ([JONG[c%28]] if c%28 else [])
        else: o.append(ch)
    return sep.join(o)
def cho(s): return "".join(CHO[(ord(ch)-0xAC00)//588] if 0<=ord(ch)-0xAC00<11172 else ch for ch in s)
dm=["귓말 주시면","쪽지 주시면","개인 메시지 주시면","따로 연락 주시면","1:1로 물어보시면","댓글 달아주시면 제가 찾아가서"]
cheaper=["반값에 드려요","여기보다 훨씬 싸게 드림","도매가로 맞춰드려요","더 얹어서 드려요","만원 빼드릴게요","원가로 넘겨요"]
mine=["제 라이브","저희 방송","제 스토어","우리 매장","제 채널","저희 가게","제 공구방","제 계정"]
when=["매일 밤 10시","주말 오후","오늘 자정","내일 아침 9시","평일 저녁","지금 바로"]
come=["구경 와주세요","놀러 와요","들러주세요","한번 와보세요","찾아와 주세요","많이들 오세요","알림 켜주세요"]
for _ in range(70):
    fifth.append(("spam", R(["{m}도 {w} 열어요 {c}","{w} {m} 켜요 {c}","{m}에 같은 물건 더 싸게 있어요 {c}","여기 보시는 분들 {m} {c}","{m} 오시면 {ch}","{d} {ch}","{ch} {d}","같은거 {ch} {d}","{m} 이름 검색하면 나와요 {ch}"]).format(m=R(mine),w=R(when),c=R(come),d=R(dm),ch=R(cheaper))))
for _ in range(30):
    fifth.append(("spam", R(["선팔 주시면 {a}","{p} 서로 팔로우해요 {a}","구독 품앗이 하실 분 {a}","{p} 맞구독 {a}","팔로우 교환해요 {a}","서로 좋아요 눌러줘요 {a}"]).format(p=R(platforms),a=R(["100% 맞팔","바로 맞팔 감","답방 갑니다","먼저 해드림","신청 받아요",""])).strip()))
apps=["걷기 앱","설문 앱","포인트 앱","캐시 앱","앱테크","출석 앱","게임 앱"]
for _ in range(35):
    code="".join(R("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(3))+dg(random.randint(2,4))
    fifth.append(("spam", R(["{a} 가입할때 {c} 넣으면 {n}천원 적립","추천 코드 {c} 쓰시면 둘다 {n}천원","{a} 하루 {n}천원 벌어요 초대코드 {c}","{a} 신규 {n}천원 지급 코드 {c} 입력","초대코드 {c} 치고 {a} 시작하면 현금 줌"]).format(a=R(apps),c=code,n=R([1,2,3,5]))))
coins=["리플","도지","솔라나","신규 코인","잡코인","테마주","급등주","우선주","비상장주"]
for _ in range(35):
    fifth.append(("spam", R(["{c} 곧 {x}배 터짐 {g}","{c} 세력 들어옴 {g}","{c} 매수 타이밍 알려드림 {g}","지금 {c} 안 사면 후회 {g}","{c} 수익률 {p}% 인증 {g}","{g} {c} 시그널 무료"]).format(c=R(coins),x=R([3,5,10,20]),p=R([120,300,500,800]),g=R(["정보방 입장","단톡 초대 드림","리딩방 무료","방 들어오세요","무료 시그널방","채널 구독하면 공개"]))))
for _ in range(30):
    fifth.append(("spam", R(["{l} {t}","{t} {l}","{l} {t} 상담 환영","급하신 분 {l} {t}"]).format(l=R(["개인 급전","월변 대출","일수 가능","무직자 대출","주부 대출","신용 무관 대출","소액 급전","당일 대출"]),t=R(["비대면 진행","당일 송금","서류 없음","한도 넉넉","조회 없이","바로 입금"]))))
brands=["샤넬","구찌","프라다","루이비통","롤렉스","나이키","에르메스","디올","발렌시아가","몽클레어"]
items=["가방","지갑","시계","운동화","패딩","벨트","카드지갑","선글라스"]
for _ in range(35):
    fifth.append(("spam", R(["{b} {i} {g} {p} {c}","{g} {b} {i} 재고 있음 {p}","{b} {i} 정품이랑 똑같은 {g} {c}","{b} {i} {p} {g} 택배비 포함 {c}"]).format(b=R(brands),i=R(items),g=R(["A급","SA급","미러급","정품급","레플","이미테이션","1:1급"]),p=R(["9만원","12만","20만원","7만 택포","15만"]),c=R(["문의 주세요","연락 주세요","쪽지요","DM","구해드림",""])).strip()))
for _ in range(25):
    fifth.append(("spam", R(["{x} 여기 마진 엄청 남겨요 {y}","{x} 원가 알면 못 삼 {y}","{y} {x} 공장에서 바로 받아요","{x} 도매로 떼와서 드림 {y}"]).format(x=R(["이 상품","이 물건","저거","이 세트","이 화장품"]),y=R(["직거래 원하면 연락","도매처 알려드림 쪽지","공장가로 드림 문의","저한테 사세요 연락 주세요"]))))
for _ in range(30):
    fifth.append(("spam", R(["구매평 써주시면 건당 {n}천원 드려요","별점 5개 리뷰 작업 {a}","리뷰 대행 {a} 건당 {n}천원","상품 후기 알바 {a}","체험단 모집 리뷰만 쓰면 {n}만원","리뷰 써줄 사람 구함 {a}"]).format(n=R([3,5,7,10]),a=R(["쪽지 주세요","모집중","연락 주세요","바로 지급","초보 환영"]))))
for _ in range(35):
    fifth.append(("spam", R(["{e} {s} {u}","축하합니다 {e} {s}","{e} 지금 {s} {u}","선착순 {e} {s}"]).format(e=R(["무료 에어드랍","기프티콘 증정 이벤트 당첨","스타벅스 쿠폰 당첨","아이폰 당첨","무료 토큰 배포","경품 당첨자로 선정","신세계 상품권 지급"]),s=R(["지갑 연결만 하면 받아요","본인인증 하면 지급","카드번호 입력하고 수령","프로필 링크에서 수령","앱 설치하면 바로 받음","인증번호 보내주시면 발송"]),u=R(["claim-bonus . xyz","free-gift 점 site","프로필 참고","오늘까지",""])).strip()))
for _ in range(25):
    fifth.append(("spam", R(["{a} {b}","{b} {a}","심심한 분 {a} {b}"]).format(a=R(["19금 영상 무료","야한 사진 보실분","성인 화상채팅","은밀한 대화 원하시면","노출 방송 무료 입장","외로운 오빠들"]),b=R(["프사 눌러요","제 프로필 보세요","쪽지 주세요","아이디 검색","오픈톡 와요","ㄷㅁ"]))))
gw=["카지노","토토","바카라","슬롯","대출","부업","사다리","홀덤"]
for _ in range(45):
    w=R(gw)
    sp=R([jamo(w), jamo(w,""), cho(w), " ".join(w), cho(w)+" 검색"])
    fifth.append(("spam", R(["{s} 신규 {n}만 지급","{s} 사이트 추천 ㄷㅁ","{s} 먹튀없는곳 알려드림","{s} 첫충 {p}% {c}","{s} 가입머니 {n}만 {c}","{s} 필요하신분 {c}"]).format(s=sp,n=R([1,3,5,10]),p=R([10,20,30]),c=R(["ㄷㅁ","디엠","쪽지","프로필","텔레 문의"]))))
for _ in range(20):
    fifth.append(("spam", R(["{a} 수익 인증 월 {m}백 비결 {c}","{a}로 한달 {m}백 {c}","{a} 노하우 무료 공개 {c}"]).format(a=R(["쿠팡 파트너스","스마트스토어 위탁","블로그 체험단","유튜브 쇼츠","위탁판매","해외구매대행"]),m=R([3,5,7,10]),c=R(["닉네임 클릭","프로필 확인","강의 신청 쪽지","오픈톡 검색","링크는 소개글"]))))
# abuse: 초성 and number curses, insults to other viewers, sexual harassment of the host, sarcasm
chocurse=["ㅄ","ㅂㅅ","ㅂ ㅅ","ㄷㅊ","ㄷ ㅊ","ㅈㄲ","ㅈ ㄲ","ㄲㅈ","ㅆㅂ","ㅅㅂ","ㅆㄹㄱ","ㅁㅊㄴ","18놈","18넘","18새끼","10새","개18","ㅅ1ㅂ"]
tgt=["윗댓","아랫댓","너","니","진행자","사장","채팅창 애들","저 시청자","너네","방장"]
for _ in range(90):
    fifth.append(("abuse", R(["{c}","{c} {t}","{t} {c}","{t} {c} 진짜","{c} 말이 많네","{c} 그만 떠들어","{t} 왜 저럼 {c}","{c} 값 다시 불러봐","{c} 누가 물어봤냐"]).format(c=R(chocurse),t=R(tgt))))
for _ in range(50):
    fifth.append(("abuse", R(["{t} {m} 좀 {s}","{m} {s} {t}","{t} {m}에서 {y} 냄새 난다","{t} 말하는거 {y} 같음","{t} {m} 꿰매고 싶다","{t} 손가락 부러뜨리고 싶네"]).format(t=R(tgt),m=R(["주둥이","입","아가리","주댕이","혓바닥"]),s=R(["닥쳐","다물어","싸매","닫아라","치워"]),y=R(["시궁창","하수구","쓰레기통","화장실","썩은내"]))))
body=["가슴","엉덩이","허벅지","속옷","몸","다리","브라끈"]
for _ in range(55):
    fifth.append(("abuse", R(["{h} {b} 좀 더 보여줘","{h} {b} 만져보고 싶다","{h} 오늘밤 같이 {x}","{h} 벗고 {y}","{h} 얼마면 하루 {x}","{b} 클로즈업 해줘 {h} ㅎㅎ","{h} {b} 사진 따로 보내줘","{h} 치마 더 올려봐"]).format(h=R(["언니","누나","쇼호스트","모델님","사장님","아가씨","진행자"]),b=R(body),x=R(["잘래","있어줄래","보낼래","놀자","데이트"]),y=R(["방송해","입어봐","한바퀴 돌아","춤춰봐"]))))
sense=["개념","양심","상식","눈치","예의","뇌","인성","교양"]
for _ in range(50):
    fifth.append(("abuse", R(["{t} {s} 어디 두고 왔냐","{t} {s} 반품했냐","{t} {s} 품절이네","{s} 좀 챙겨서 다시 와 {t}","{t} {s} 택배로 하나 사줄까","{t} {s}은 할인 안 하냐 ㅋㅋ","{s} 없는 것도 재주다 {t}","{t} {s} 분실신고 해라"]).format(t=R(tgt),s=R(sense))))
for _ in range(25):
    fifth.append(("abuse", R(["{g}은 다 {x}","{g}들 {x} 나가라","이래서 {g}은 안돼 {x}","{g} 냄새 나서 못 보겠다"]).format(g=R(["아줌마","틀딱","급식","한남","김치녀","짱깨","조선족","동남아"]),x=R(["꺼져라","시끄러워","수준 떨어짐","방송 보지 마","채팅 치지 마",""])).strip()))
for w in ["뷰웅신","벼엉신","병1신","빙1신","s1bal","ssi bal","c8","시 이 발","씨 1 발","좃 까","조 까","지 랄","ㅈ ㄹ 하네"]:
    for t in ["{w}","{w} {t}","{t} {w}","{w} 가격 봐라","{w} 진행 뭐냐"]:
        fifth.append(("abuse", t.format(w=w,t=R(tgt))))
# hard ok: sighs with 죽겠다, family teasing, numbers beside 18, sizes of underwear and bust, tracking numbers
for _ in range(50):
    fifth.append(("ok", R(["{a} 죽겠다 {e}","{a} 죽겠네 {e}","아 {a} 죽겠어 {e}","{a} 미치겠다 {e}"]).format(a=R(["지갑 털려서","배불러","웃겨","갖고싶어","졸려","궁금해","예뻐서","기다리다","살까말까 고민돼서","통장 텅장 돼서"]),e=R(["ㅋㅋㅋ","ㅠㅠ","ㅎㅎ","","진짜"])).strip()))
for _ in range(50):
    fifth.append(("ok", R(["{p}이 또 샀냐고 {r} {e}","{p}한테 {r} {e}","{p} 몰래 사야지 {e}","택배 오면 {p}이 {r} {e}","{p} 카드로 긁는다 {e}"]).format(p=R(["남편","와이프","엄마","아빠","남친","여친","시어머니"]),r=R(["잔소리하겠다","혼나겠네","등짝 맞겠다","한소리 듣겠다","뭐라 하겠지"]),e=R(["ㅋㅋ","ㅎㅎ","ㅠㅠ",""])).strip()))
for _ in range(40):
    fifth.append(("ok", R(["18일에 도착해요?","18시 방송 맞나요","18만원이면 괜찮다","18개 세트 있어요?","18호 반지 있나요","18K 금이에요?","18인치 캐리어 있어요?","{n}시 {m}분에 다시 열어요?","{n}일까지 주문하면 받나요"]).format(n=R([10,12,18,19,20,21]),m=R([10,18,30]))))
for _ in range(40):
    fifth.append(("ok", R(["브라 {s} 맞을까요","가슴둘레 {c} 인데 {z} 맞나요","속옷 사이즈 {s} 있나요","엉덩이 큰 편인데 {z} 괜찮나요","허벅지 굵은데 바지 {z} 돼요?","모델님 {z} 입으신 거에요?","이 원피스 안에 속옷 비쳐요?","벗기 편한 후드에요?","입고 벗기 쉬워요?"]).format(s=R(["75B","80C","70A","85B"]),c=R([85,90,95,100]),z=R(["M","L","XL","66","77","free"]))))
for _ in range(30):
    g=R([(4,4,4),(4,4,5),(3,4,4,2),(4,4,4,1)])
    num=" ".join(dg(k) for k in g)
    fifth.append(("ok", R(["{c} {n} 조회 안돼요","{c} 송장 {n} 맞나요","{n} {c} 어디쯤이에요","{c} 운송장 {n} 배송 조회가 멈췄어요"]).format(c=R(["우체국택배","CJ대한통운","한진택배","롯데택배","로젠택배","우체국 택배"]),n=num)))
for _ in range(30):
    fifth.append(("ok", R(["제 방송 아니고 {x}","{x} 구경 왔어요","친구 라방에서 {x}","{p} 보고 {x}"]).format(x=R(["여기 추천받고 왔어요","알림 보고 들어왔어요","처음 와봐요","소개받아서 왔어요"]),p=R(platforms))))
with open(OUT,"a") as f:
    for l,t in fifth: f.write(f"{l}\t{t}\n")
print(len(fifth))

# fifth round, part two: kinds still missed after part one, in more shapes — insults with 미친 that name
# the person (미친 as praise names a thing), sexual remarks and propositions to the host, and links with a
# shortener spelled out with spaces.
random.seed(59)
fifth2=[]
person=["년","놈","뇬","넘","새끼","것"]
for _ in range(50):
    fifth2.append(("abuse", R(["미친{p} {x}","저 미친{p} {x}","{h} 완전 미친{p}이네","미친{p}아 {y}","{x} 미친{p} 같으니","또라이 {h} {x}"]).format(p=R(person),h=R(["진행자","사장","쇼호스트","판매자","윗댓","저 여자","저 남자"]),x=R(["말하는 꼬라지 봐","표정 역겹다","떠드는거 듣기 싫다","웃음소리 소름","낯짝 두껍네","목소리 거슬려"]),y=R(["가격이나 말해","빨리 꺼져","입 닫아","방송 접어"]))))
for _ in range(60):
    fifth2.append(("abuse", R(["{h} {b} {v}","{v} {h}","{h}랑 {n} {q}","{h} {c} 라이브로 {z}","{h} {b} 보면 {w}","{h} 오늘 {n} {q}"]).format(h=R(["언니","누나","아가씨","쇼호스트님","모델 언니","사장님"]),b=R(["가슴","엉덩이","허리 라인","속살","다리 사이","속옷 차림"]),v=R(["직접 보여주면 살게","한번만 보여줘 ㅎㅎ","만지게 해주면 다 산다","클로즈업 좀 ㅎㅎ"]),n=R(["하룻밤","오늘 밤","모텔","단둘이"]),q=R(["얼마면 돼","얼마 줄까","가능?","어때 ㅎㅎ"]),c=R(["갈아입는 거","벗는 장면","샤워하는 거","속옷만 입은 거"]),z=R(["보여줘","찍어줘","ㄱㄱ","해주면 구매"]),w=R(["흥분된다","꼴린다","참기 힘드네"]))))
short=["bit . ly","bit ly","han . gl","url . kr","me2 . do","t . ly","tinyurl . com","vo . la","c11 . kr"]
for _ in range(40):
    code="".join(R("abcdefghjkmnpqrstuvwxyz0123456789") for _ in range(random.randint(4,7)))
    fifth2.append(("spam", R(["{s} / {c} {o}","{o} {s}/{c}","{s} / {c}","{o} 주소 {s} / {c}","{s} 슬래시 {c} {o}"]).format(s=R(short),c=code,o=R(["무료 쿠폰 받아가세요","들어가면 반값","선착순 경품","가입하면 포인트","여기서 더 싸게"]))))
# ok: 미친 and 죽겠다 about things, and bodies asked about as sizes, so the new abuse does not take them
for _ in range(40):
    fifth2.append(("ok", R(["미친 {t} {e}","{t} 미쳤다 {e}","이 {t} 미친거 아님? {e}","{t} 보고 미치는 줄 {e}"]).format(t=R(["가격","구성","할인","색감","핏","퀄리티","혜택","사은품"]),e=R(["ㅋㅋㅋ","ㅠㅠ","사야겠다","",""])).strip()))
with open(OUT,"a") as f:
    for l,t in fifth2: f.write(f"{l}\t{t}\n")
print(len(fifth2))

# fifth round, part three: praise of the broadcast itself in slang (중독성, 오지다, 지리다), kept ok.
random.seed(61)
fifth3=[]
for _ in range(50):
    fifth3.append(("ok", R(["이 {s} {x}","{s} {x} {e}","오늘 {s} 진짜 {x}","{x} 이 {s} {e}"]).format(s=R(["방송","라방","진행","채널","쇼","코너"]),x=R(["중독성 있다","오진다","지린다","끊을 수가 없네","계속 보게 되네","도파민 터진다","헤어나올 수가 없다"]),e=R(["ㅋㅋ","ㅎㅎ","","매일 올게요"])).strip()))
with open(OUT,"a") as f:
    for l,t in fifth3: f.write(f"{l}\t{t}\n")
print(len(fifth3))

# ---- sixth round (after clean5.tsv had its two clean runs and was read as consulted, 2026-12-03): the kinds
# a fourth new author wrote that the model missed, in phrasings and slot lists written for this round (no
# clean5 line copied). Spam: profits from stocks or futures shown off with "ask me how", free rooms for
# tomorrow's limit-up stocks, phone-only side jobs with a daily wage and no contact, buyers wanted to resell
# stock at wholesale, a rival's broadcast or store named in quotes (next door, cheaper by a percentage,
# search its name), "how I earn" in the profile, likes and follows begged for on another platform, adult
# lures to a named open chat or a LINE ID, pills by DM, and phishing that poses as a platform's security or
# support desk. Abuse: threats to come to the shop or the home, sexual remarks about underwear, poses and
# sizes, sarcasm about a face or a body on camera, ears bleeding from a voice, 18 curses and 느그 insults.
# Hard ok: 미친놈처럼 about sales, viewers' own stocks, side jobs and other broadcasts named in passing,
# birth years and school grades without a name or a date, viewers beside each other and newcomers.
random.seed(67)
sixth=[]
stores6=["달빛상점","하루옷방","민트마켓","보리네옷장","꿀딜하우스","소담마켓","연두라이브","봄날쇼룸","온새미몰","다온샵"]
q=lambda s: R(["'{}'","\"{}\"","[{}]","{}","<{}>"]).format(s)
for _ in range(45):
    fifth_free=R(["같은 공장 물건","똑같은 제품","동일 상품","같은 브랜드 정품"])
    sixth.append(("spam", R([
        "옆 채널 {s} 에서 {f} {d} 하던데 그쪽이 나아요",
        "{s} 라방 지금 켜져 있어요 {f} {d} 거기 가세요",
        "여기서 사지 말고 {s} 검색 ㄱㄱ {p}% 저렴",
        "{p}% 싸게 파는 {s} 있어요 이름 치면 나옴",
        "{s} 오늘 {w} 오픈해요 {f} 더 쌈 구경오세요",
        "저 {s} 운영하는데 {f} 반값에 올려놨어요",
        "{s} 가면 {f} {d} 해요 여기 비싸요",
        "다들 {s} 로 넘어오세요 {d} 진행중",
    ]).format(s=q(R(stores6)),f=fifth_free,d=R(["1+1","2+1","반값","무료배송","원가세일","사은품 두개"]),p=R([20,25,30,40,50]),w=R(["밤 9시","내일 점심","주말","곧","11시"])) ))
for _ in range(40):
    sixth.append(("spam", R([
        "{m} 수익 {g} 인증 ㅋㅋ 비법 궁금하면 {c}",
        "{m}로 이번달 {g} 벌었어요 방법은 {c}",
        "내일 {u} 갈 종목 미리 찍어드림 {r}",
        "{u} 예정주 무료 공유 {r}",
        "{m} 매매법 알려드립니다 {r}",
        "오늘도 {m} {g} 익절 ㅎㅎ 같이 하실분 {c}",
    ]).format(m=R(["해외선물","나스닥","미장","테슬라 옵션","국장 단타","비트 선물","공모주"]),g=R(["+800만","+1500만원","+340%","+2천","+620만원"]),c=R(["쪽지","귓말","디엠","ㄷㅁ","프로필 참고","댓글 남기면 알려줌"]),u=R(["상한가","급등","따상","점상"]),r=R(["무료방 자리 얼마 안남음","입장은 선착순","인원 차면 마감","비밀방 초대해드림","오늘만 무료 입장"])) ))
for _ in range(40):
    sixth.append(("spam", R([
        "{t} 누구나 {w} {n}만 {e}",
        "{w} {n}만원 버는 {j} {t} {e}",
        "{j} 구해요 {t} {w} {n}",
        "이거 {j} 아니고 {t} 하는거 {w} {n}만 {e}",
        "{t} {j} 시간당 {n}천원 {e}",
    ]).format(t=R(["핸드폰 하나면","휴대폰만 있으면","손가락만 있으면","경력 없어도","주부 학생 상관없이","누워서도"]),w=R(["하루","일당","매일","하루에"]),n=R([7,8,12,15,20,25]),j=R(["재택 일","간단한 작업","폰 작업","부업","알바","단순 업무"]),e=R(["진짜임","실화","확인된 곳","거짓말 아님","ㄹㅇ","보장"])) ))
for _ in range(30):
    sixth.append(("spam", R([
        "{i} 대량 {v} 분 모집 {p} {c}",
        "{i} 받아다 {v} 사람 구함 {p}",
        "{p} {i} 넘길게요 {v} 셀러 {c}",
        "{i} 재고 {p} 드려요 {v} 분만 {c}",
    ]).format(i=R(["이 상품","이 물건","이 세트","저 화장품","이 라인 전체"]),v=R(["되파실","리셀하실","나눠 파실","온라인에 올리실","위탁 판매하실"]),p=R(["공급가로","도매가에","원가 이하로","마진 붙여서","박스째로"]),c=R(["쪽지 주세요","연락 부탁","귓말요","DM 주세요","문의는 프로필"])) ))
for _ in range(30):
    sixth.append(("spam", R([
        "{h} 버는 법 {w}",
        "{w} {h} 비결 있음",
        "{h} 만드는 루트 공개 {w}",
        "직장 그만두고 {h} 버는중 {w}",
    ]).format(h=R(["월천","월 오백","한달 천만원","월 삼백","연봉 1억"]),w=R(["프로필에 적어둠","소개글 보세요","닉네임 눌러보세요","제 채널에 다 있어요","제 블로그 확인"])) ))
for _ in range(30):
    sixth.append(("spam", R([
        "{p} {e} 제 계정 와서 {a}",
        "{p}에서 {a} 부탁드려요 {e}",
        "{e} 제 {p} 들러서 {a}",
        "{p} 팔로워 천명 찍으면 이벤트해요 {a}",
    ]).format(p=R(["틱톡","인스타","유튜브 쇼츠","스레드","릴스"]),e=R(["친추 이벤트중","맞팔 이벤트","구독 이벤트 진행중","하트 이벤트",""]),a=R(["하트 눌러주세요","좋아요 꾹","팔로우 부탁","구독 눌러줘요","댓글 달아주세요"])).strip()))
rooms=["달콤한밤","비밀의방","은밀한정원","야간개장","핑크라운지","몰래보기","밤손님"]
for _ in range(35):
    sixth.append(("spam", R([
        "{a} {o} {r} {b}",
        "{o} {r} {b} {a}",
        "{a} 라인 아이디 {i}",
        "{a} 카톡 {i} 추가",
    ]).format(a=R(["야한 영상 보고싶으면","밤에 외로운 분","수위 높은 사진 공유","19 대화 원하는 분","몰래 찍은거 보실 분","섹시한 친구 만나고 싶으면"]),o=R(["오픈채팅","오픈톡","단톡"]),r=q(R(rooms)),b=R(["들어와","검색","입장","놀러와요"]),i=R(["hotnight77","pink_cat","yuri_0909","lonely_bb","nightlove"])) ))
for _ in range(30):
    sixth.append(("spam", R([
        "{p} {x} {c}",
        "{x} {p} {c}",
        "{p}랑 {q} 세트로 {x} {c}",
    ]).format(p=R(["비아그라","시알리스","레비트라","발기부전 치료제","식욕억제제","펜터민","수면제","다이어트 알약","스테로이드"]),q=R(["시알리스","비아그라","칙칙이","흥분제"]),x=R(["정품 직구","처방 없이","최저가","해외 직배송","익명 포장"]),c=R(["ㄷㅁ 주세요","쪽지요","구해드림","문의 귓말","텔레 문의"])) ))
for _ in range(35):
    sixth.append(("spam", R([
        "{b} {d}입니다 {w} {s} 에서 {a}",
        "[{b}] {w} {s} 에서 {a}",
        "{b} 안내 {w} 지금 {s} 접속해서 {a}",
    ]).format(b=R(["네이버","카카오","쿠팡","국민은행","토스","우체국","배민"]),d=R(["고객센터","보안팀","운영팀","결제팀"]),w=R(["회원님 계정이 곧 정지됩니다","해외 로그인 감지","결제가 보류되었습니다","택배 주소 불일치","포인트 소멸 예정"]),s=R(["secure-check 점 com","login-help 닷 net","kakao-safe 점 kr","acc-verify . co","my-point 점 shop"]),a=R(["본인확인 하세요","확인 바랍니다","정보 입력하세요","재인증 필요"])) ))
# abuse
for _ in range(40):
    sixth.append(("abuse", R([
        "{w} {p} 찾아간다 {x}",
        "{p} 어딘지 다 알아 {x}",
        "{p} 가서 다 엎어버린다 {x}",
        "니네 {p} 불 질러버릴까 {x}",
        "{p} 앞에서 기다린다 {x}",
        "퇴근길 조심해라 {p} 다 알고 있다",
    ]).format(w=R(["방송 끝나면","내일","이번주에","조만간","다음 라방 날"]),p=R(["매장","사무실","스튜디오","창고","니네 집","느그 집"]),x=R(["각오해","기다려라","두고봐","도망가지마","진짜임",""])).strip()))
for _ in range(50):
    sixth.append(("abuse", R([
        "{h} {u} 입은거 {v}",
        "{u}만 입고 {d} 해주면 다 산다",
        "{h} {b} 몇이야 {e} {v}",
        "{h} {pose} 한번 더 {e}",
        "{pose} {e} 녹화했다",
        "{h} {s} 다시 해봐 캡쳐하게",
    ]).format(h=R(["언니","누나","쇼호스트","모델","사장님",""]),u=R(["속옷","수영복","란제리","잠옷","끈나시"]),v=R(["보여줘","라이브로 보자","직접 보여주면 구매","찍어서 올려","보고싶다 ㅎㅎ"]),d=R(["한바퀴","스트레칭","런웨이","춤"]),b=R(["가슴 사이즈","컵 사이즈","브라 사이즈","엉덩이 둘레"]),e=R(["ㅎㅎ","ㅋㅋ","ㅎ","",""]),pose=R(["숙이는 자세","숙 이는 자세","엎드리는 거","다리 벌리는 자세","허리 숙이는거"]),s=R(["숙이는 거","엎드리는 거","뒤돌아 숙이는 자세"])).replace("  "," ").strip()))
for _ in range(45):
    sixth.append(("abuse", R([
        "그 {f}로 {j} 하는거 {r}",
        "그 {f}에 {j}라니 {r}",
        "{f} 보고 {j} 뽑은 사람 {r2}",
        "그 {f}으로 {i} 입고 나온 {r}",
        "{f}가 방송사고 {r2}",
    ]).format(f=R(["얼굴","몸매","낯짝","체형","피부","몸"]),j=R(["모델","쇼호스트","방송","진행","착용샷"]),i=R(["비키니","원피스","레깅스","크롭티"]),r=R(["용기 칭찬한다^^","자신감 부럽다^^","대단하시네요^^","배짱 하나는 인정","뻔뻔함 최고"]),r2=R(["눈이 삐었나","안목 대단","누구임 ㅋㅋ","이건 좀 아니지"])) ))
for _ in range(40):
    sixth.append(("abuse", R([
        "{v} {x} {s}",
        "{v} {x}",
        "{s} {v} {x}",
    ]).format(v=R(["목소리 들으니까","말투 때문에","웃음소리에","떠드는거 듣다가","발음 듣다가"]),x=R(["귀에서 피 난다","고막 터지겠다","귀 썩는다","귀가 아프다 못해 썩음","토 나온다"]),s=R(["입 좀 다물어","조용히 해","그만 좀 떠들어","말 좀 하지 마","입 꿰매"])) ))
for _ in range(40):
    sixth.append(("abuse", R([
        "{c}아 {x}",
        "{c} {x}",
        "{t} {c} 같네",
        "{x} {c}들아",
    ]).format(c=R(["18놈","18년아","18롬","18새","십8놈","씨8놈","개18","18것","18넘"]),t=R(["진행자","사장","판매자","윗댓","너"]),x=R(["환불해라","돈 돌려줘","배송 안하냐","그만 팔아","사기치지마","장사 접어"])).replace("18년아 ","18년아 ")))
for _ in range(25):
    sixth.append(("abuse", R([
        "{n} {x}",
        "{x} {n}",
    ]).format(n=R(["ㄴㄱㅁ","느금","느그 엄마","느그 애비","니 애미","느 금 마"]),x=R(["ㅋㅋ","가 팔아도 이거보단 낫다","방송하네","수준 봐라","보다 못한 진행","데려와"])) ))
# personal info: a child's school, grade, class and name; a full name with a full birth date
names=["이서준","박지아","정우진","한소율","오하린","윤도현","강예서","신지호"]
for _ in range(30):
    sixth.append(("personal_info", R([
        "우리 아이 {sc} {g}학년 {c}반 {n}이에요 선물 거기로 보내주세요",
        "{sc} {g}학년 {c}반 {n} 앞으로 배송 되나요",
        "딸이 {sc} {g}-{c} {n}인데 학교로 받을 수 있어요?",
        "{n} {sc} {g}학년 {c}반 당첨되면 여기로요",
    ]).format(sc=R(["광주 북구 용봉초","수원 영통중","인천 연수구 송도초","울산 남구 삼산중","청주 흥덕초","김해 장유초"]),g=random.randint(1,6),c=random.randint(1,9),n=R(names)) ))
for _ in range(30):
    sixth.append(("personal_info", R([
        "본인 확인 {n} {y}년 {m}월 {d}일생이요",
        "{n} 생일 {y}.{m}.{d} 입니다 인증 부탁드려요",
        "명의자 {n} {y}년 {m}월 {d}일 출생",
        "당첨자 {n} {y}년생 {m}월 {d}일 맞아요",
    ]).format(n=R(names),y=random.randint(1965,2004),m=random.randint(1,12),d=random.randint(1,28)) ))
# hard ok
for _ in range(40):
    sixth.append(("ok", R([
        "이거 {x} 잘 나가네 {e}",
        "{t} {x} 팔린다 {e}",
        "재고 {x} 빠지네 {e}",
        "{x} 주문 들어오나봐 {e}",
    ]).format(x=R(["미친놈처럼","미친듯이","미친 속도로","미쳤다 싶을 만큼"]),t=R(["세트","이 색","블랙","신상"]),e=R(["ㅋㅋ","벌써 품절각","빨리 사야지","ㄷㄷ",""])).strip()))
for _ in range(45):
    sixth.append(("ok", R([
        "{s} 물려서 지갑이 가벼워요 {e}",
        "{s}로 번 돈으로 이거 삽니다 {e}",
        "부업으로 {j} 하는데 이거 쓰면 편할까요",
        "{p}에서 보고 왔어요 {e}",
        "옆 방송도 봤는데 여기가 제일 친절해요",
        "다른 라방보다 여기가 싸네요 {e}",
        "{y}년생인데 이 색 어울릴까요",
        "초등 {g}학년 아이 선물로 괜찮나요",
        "생일이 {m}월인데 생일 쿠폰 있어요?",
        "{d} 사칭 문자 조심하세요 링크 누르지 마세요",
        "약 먹을 때 같이 먹어도 되는 영양제인가요",
        "알바 끝나고 보러 왔어요 {e}",
    ]).format(s=R(["주식","코인","미장","적금"]),e=R(["ㅋㅋ","ㅠㅠ","ㅎㅎ",""]),j=R(["배달","블로그","과외","스마트스토어"]),p=R(platforms),y=random.randint(70,99),g=random.randint(1,6),m=random.randint(1,12),d=R(["택배","은행","고객센터","네이버"])).strip()))
# ok: viewers beside each other and newcomers (옆 and 오세요 are also the rival-broadcast spam's words)
for _ in range(40):
    sixth.append(("ok", R([
        "옆에 {w} {q}",
        "{n} 어서 오세요 {e}",
        "옆방에서 {x} 넘어왔어요 {e}",
        "옆자리 {w}도 같이 봐요 {e}",
        "{n} 반가워요 {q}",
    ]).format(w=R(["분","계신 분","친구","언니","동생"]),q=R(["누구세요?","처음 오셨어요?","이거 사셨어요?","사이즈 뭐 하셨어요?","같이 사요 ㅎㅎ"]),n=R(["새로 오신 분","처음 오신 분들","방금 들어오신 분","신입 시청자님"]),x=R(["구경하다","알림 보고","친구 따라",""]),e=R(["ㅎㅎ","ㅋㅋ","~","!",""])).replace("  "," ").strip()))
with open(OUT,"a") as f:
    for l,t in sixth: f.write(f"{l}\t{t}\n")
print(len(sixth))

# sixth round, part two: orders ending in a name-call (…나 해라 멍청아) kept abuse, and viewers laughing at
# themselves (할매 입맛, 아재 취향, 나 같은 곰손) and wanting a thing while broke (ㅈㄴ 사고싶다 근데 돈이 없어) kept ok, the two shapes nearest the threshold after part one.
random.seed(71)
sixth2=[]
for _ in range(40):
    sixth2.append(("abuse", R(["{o} {c}","{c} {o}","{o} 이 {c}","{t} {o} {c}"]).format(o=R(["닥치고 재고나 말해","주절대지 말고 가격이나 불러","말 돌리지 말고 답이나 해","쓸데없는 소리 말고 팔기나 해","그만 웃고 진행이나 해"]),c=R(["멍청아","바보야","돼지야","등신아","한심한 놈아","무식아"]),t=R(["야","어이","진행자","사장"])) ))
for _ in range(40):
    sixth2.append(("ok", R(["{s}인 나한테 딱이네 {e}","{s}라 이런거 좋아함 {e}","나 같은 {s}도 쓸 수 있어요? {e}","{s} 인증합니다 {e}"]).format(s=R(["할매 입맛","아재 입맛","아재 취향","곰손","똥손","길치","몸치","할머니 감성"]),e=R(["ㅋㅋ","ㅎㅎ","ㅠㅠ",""])).strip()))
# ok: wanting a thing and being broke, with the intensifiers ㅈㄴ/존나/개 (praise, not abuse)
for _ in range(40):
    sixth2.append(("ok", R(["{i} {w} {b} {e}","{w} {i} {b} {e}","{b} {i} {w} {e}"]).format(i=R(["ㅈㄴ","존나","졸라","개","겁나","미친듯이"]),w=R(["사고싶다","갖고싶네","탐난다","지르고싶다","담고싶어"]),b=R(["근데 월급날 멀었다","통장 잔고가 안 따라줌","카드값 무서워","지갑이 울어요","돈이 없어"]),e=R(["ㅠㅠ","ㅋㅋ","ㅠ",""])).strip()))
with open(OUT,"a") as f:
    for l,t in sixth2: f.write(f"{l}\t{t}\n")
print(len(sixth2))

# ---- seventh round (2026-12-03, after round six's model was run on clean6.tsv, figures only, never read): spam
# kinds a fresh author is likely to write that earlier rounds may miss, in phrasings and slot lists written for
# this round (no clean split line copied): offers disguised in a polite viewer's voice with no keyword (I get it
# cheaper elsewhere, I earn on the side, ask me), rival channels and stores named on other platforms, resale and
# wholesale sourcing, app referral and cashback codes, giveaways and phishing (you won, claim here, pay a fee
# first), paid reviews and star ratings, coin and stock rooms (listings, airdrops, signals), adult lures
# (lonely nights, video calls, meetings), floods and emoji walls in new shapes (two-letter alternations, emoji
# between words, symbols), and obfuscated links (spaced, bracketed or full-width dots, slash said in words).
# Hard ok counterparts: buyers naming other platforms, asking about bulk and gift orders, points, cashback,
# reviews and events; purchase proofs (구매 인증), camera requests (클로즈업), buying one piece of a set, short
# cheers, shop links asked for, and viewers talking about their own stocks, diets and side jobs.
random.seed(79)
seventh=[]
polite=["혹시","저기","실례지만","언니들","여러분","참고로","조심스럽게","아 그리고","다들","저만 알기 아까워서"]
claim=["저는 이거 다른 데서 절반 가격에 받았어요","저 요즘 퇴근하고 용돈벌이 쏠쏠하게 하고 있어요","저 이 방법으로 두 달 만에 8키로 뺐어요","이거 정가 주고 사시는 거 아까워요 저는 훨씬 싸게 구했거든요","저 집에서 하는 거 하나로 월급만큼 더 벌어요","제가 아는 곳은 같은 상품 원가에 줘요","저 이걸로 빚 다 갚았어요","제가 쓰는 건 피부과 시술보다 효과 좋아요","저 아는 분이 물건을 공장 가격에 빼줘요","저 투자 공부하는 모임에서 매달 수익 내고 있어요"]
ask=["궁금하신 분 편하게 말 걸어주세요","방법 궁금하면 제 닉 눌러서 대화 주세요","원하시는 분만 조용히 알려드릴게요","필요하신 분 대화 신청 주세요","제 소개글 보시면 다 있어요","관심 있으시면 저한테 따로 물어봐 주세요","몇 분만 더 알려드릴 수 있어요","선착순으로 공유해 드려요","제 이름 누르면 연락처 있어요","나중에 후회 말고 얼른 물어보세요"]
for _ in range(110):
    seventh.append(("spam", R(["{p} {c} {a}","{c} {a}","{p} {c}ㅎㅎ {a}","{c} {p} {a}"]).format(p=R(polite),c=R(claim),a=R(ask)) ))
rivals=["'하늘공방'","'모모마켓'","'제이홈샵'","'루나스타일'","'바다상회'","'꽃길쇼핑'","'오늘의공구'","'별빛뷰티'"]
where=["스마트스토어","유튜브 라이브","인스타 공구","틱톡 라이브","당근","번개장터","에이블리","지그재그","카카오 쇼핑라이브","11번가 라이브"]
for _ in range(70):
    seventh.append(("spam", R(["{w} {r} 가면 {x}","{r} {w}에서 {x} 거기서 사세요","{w} 검색창에 {r} 치면 {x}","같은 물건 {w} {r} 에서 {x}","{r} ({w}) {x} 오세요","지금 {w} {r} 방송중 {x}"]).format(w=R(where),r=R(rivals),x=R(["만원 더 싸요","사은품 세 개 줘요","똑같은 거 반값","무료배송에 1+1","오늘 마감 특가","쿠폰 더 줘요"])) ))
for _ in range(60):
    seventh.append(("spam", R(["{s} {b} {c}","{b} {s} {c}","{s} 공유해요 {b} {c}"]).format(s=R(["중국 도매처","1688 공장 직거래처","동대문 새벽시장 거래처","사입처 리스트","무재고 위탁판매 자료","땡처리 재고 물량","공장 직송 라인"]),b=R(["떼다 팔면 마진 세 배","박스째 넘겨드려요","초보 셀러도 가능","소매가 반의 반","한 달 만에 본전 뽑음","스토어 열 분 환영"]),c=R(["원하시면 말씀 주세요","문의는 제 닉 클릭","자료 필요하신 분 손","대화 걸어주세요","선착순 다섯 분"])) ))
apps=["캐시워크","토스","케이뱅크","머니워크","타임스프레드","앱테크 리워드앱","페이코","챌린저스"]
for _ in range(60):
    seventh.append(("spam", R(["{a} 추천인 {c} 넣으면 {m}","{a} 가입할 때 코드 {c} 입력 {m}","{m} {a} 초대코드 {c}","{a} 친구초대 같이 눌러요 {c} {m}","{a} {c} 추천 부탁해요 {m}"]).format(a=R(apps),c=R(["WOOK55","HANA7","jjang82","A1B2C3","MINT0","luvbuy9","N3XT"]),m=R(["바로 오천원","둘 다 만원씩","현금 지급","페이백 3만","포인트 즉시 적립","커피 쿠폰 드림"])) ))
for _ in range(60):
    seventh.append(("spam", R(["{g} {h} {k}","[{g}] {h} {k}","{h} {g} {k}","축하드립니다 {g} {h} {k}"]).format(g=R(["시청자 감사 이벤트","라이브 경품 추첨","100만 구독 기념","연말 사은 행사","오늘 방송 럭키드로우"]),h=R(["아이패드 당첨되셨어요","에어팟 대상자로 선정","상품권 50만원 당첨","다이슨 당첨 축하","명품백 당첨자입니다"]),k=R(["수령은 프로필 주소에서","배송비 3천원만 먼저 입금","본인 확인 후 수령 가능 제 닉 클릭","24시간 안에 안 받으면 취소","카드 정보 입력하면 발송","링크 ⓑⓘⓣ.ⓛⓨ 에서 수령"])) ))
for _ in range(50):
    seventh.append(("spam", R(["{r} {p} {c}","{p} {r} {c}","{r} 구해요 {p} {c}"]).format(r=R(["리뷰 작성 알바","구매평 써주실 분","별점 5점 작업","포토 후기 대행","블로그 체험단","상품평 품앗이"]),p=R(["건당 만오천원","물건값 전액 환급에 수고비","하루 열 건이면 십만","제품 무료+원고료","선입금 보장"]),c=R(["편하게 연락 주세요","제 닉 눌러 문의","모집 마감 임박","초보 환영","쪽지 주세요"])) ))
for _ in range(60):
    seventh.append(("spam", R(["{k} {s} {c}","{s} {k} {c}","{k} 받는 방 {c}"]).format(k=R(["신규 코인 상장 전 물량","에어드랍 코인","밈코인 초기 물량","급등주 시그널","내일 오를 종목","세력 매집주","선물 자동매매 봇"]),s=R(["무료로 나눠드려요","수익 인증 가득","적중률 구십퍼","원금 보장","하루 삼십프로"]),c=R(["입장 원하시면 말 걸어주세요","단체방 초대해 드림","자리 몇 개 없어요","지금 들어오세요","제 닉 누르면 방 주소"])) ))
for _ in range(50):
    seventh.append(("spam", R(["{o} {i} {c}","{i} {o} {c}"]).format(o=R(["외로운 밤 대화 상대","영상통화 친구","오늘 밤 만날 분","몰래 연락할 사람","19금 수다 친구","밤새 통화할 오빠"]),i=R(["구해요 ㅎㅎ","찾아요 ♡","원해요 ㅎ","모집중 ~","있으신가요 ♥"]),c=R(["프사 보고 연락","제 프로필 눌러","사진은 따로 보내드림","조건 맞으면 바로","대화 신청 주세요"])) ))
# floods and walls in new shapes: two-letter alternations, a word with emoji between, symbols, mixed emoji
for _ in range(50):
    kind=random.randint(0,4)
    if kind==0: t=R(["ㅋㅎ","ㅎㅋ","ㅠㅜ","ㄱㄱ","ㅇㅇ","하이","짱짱"])*random.randint(12,20)
    elif kind==1: t="".join(R(["🔥","💕","👍","✨"])+R(["대박","사랑","최고","굿"]) for _ in range(random.randint(8,12)))
    elif kind==2: t=R(["♡","♥","★","☆","♬","~","^^","ㅡ"])*random.randint(25,40)
    elif kind==3: t=" ".join(random.choice(["😍","😂","🥰","🤩","😎","🙌","💯","🎁","💥","🌈"]) for _ in range(random.randint(12,20)))
    else: t=(R(["사주세요","구매각","질러","필승","존버"])+R(["!","~","!!",""]))*random.randint(6,10)
    seventh.append(("spam", t))
for _ in range(60):
    seventh.append(("spam", R(["{l} {x}","{x} {l}","{x} 주소 {l}"]).format(l=R(["w w w . d e a l 7 7 . c o m","bit(.)ly/kx92","bit。ly/ab7z","ｂｉｔ．ｌｙ／ｍｏｎｅｙ","han [dot] gl / q8w","open 카톡 kakao 점 com 슬래시 o 슬래시 money","s h o p 1 0 0 4 닷컴","naver 점 me 슬래시 deal","tinyurl 쩜 com 슬래시 freegift","vip-sale ⓒⓞⓜ"]),x=R(["여기서 반값","들어가면 선물 받아요","가입만 해도 만원","최저가 모음","무료 체험","오늘만 열어둠"])) ))
# hard ok: purchase proofs, camera requests, one piece of a set, bulk and gift orders, platforms named by buyers
for _ in range(45):
    seventh.append(("ok", R(["{p} {d} {e}","{d} {p} {e}"]).format(p=R(["구매 인증","결제 인증","주문 인증","구매 완료 인증","장바구니 인증","결제 완료"]),d=R(["완료","했어요","합니다","요","샷 남겨요","끝"]),e=R(["ㅎㅎ","ㅋㅋ","!!","~","",""])).strip()))
for _ in range(45):
    seventh.append(("ok", R(["{c} {d}","{c} {d} {e}","{e} {c} {d}"]).format(c=R(["클로즈업","줌인","가까이","확대","초점","정면으로","뒷면도"]),d=R(["좀","좀요","좀 해주세요","해주세요","부탁해요","한번만","다시 좀"]),e=R(["호스트님","언니","ㅠㅠ","제발",""])).strip()))
for _ in range(45):
    seventh.append(("ok", R(["{a}만 {b}","{a}만 따로 {b}","세트 말고 {a}만 {b}"]).format(a=R(["상의","하의","바지","자켓","본품","리필","뚜껑","1번","블랙","치마"]),b=R(["구매 가능?","살 수 있어요?","주문 돼요?","따로 팔아요?","구매되나요","구매 가능한가요"])) ))
for _ in range(45):
    seventh.append(("ok", R(["{w}에서도 {x}","{w}보다 {y}","{w}에 {z}","{w} 가격이랑 {y2}"]).format(w=R(where),x=R(["파나요?","같은 가격이에요?","살 수 있어요?","이 구성 있나요"]),y=R(["여기가 싸네요","여기가 구성 좋아요","여기가 배송 빨라요"]),z=R(["올라온 후기 보고 왔어요","리뷰 좋던데요","같은 제품 있던데 정품이죠?"]),y2=R(["같나요?","다르네요?","비교해 봤어요"])) ))
for _ in range(45):
    seventh.append(("ok", R(["{q}","{q} {e}"]).format(q=R(["회사 단체 주문 가능한가요","선물용으로 열 개 사도 돼요?","대량 구매 할인 있나요","어린이집 선물로 스무 개 필요해요","거래처 선물로 박스째 살 수 있나요","지인들 나눠주려고 여러 개 사요","사업자 세금계산서 되나요","되팔면 안 되는 거죠? 선물용이에요"]),e=R(["ㅎㅎ","!","?",""])).strip()))
for _ in range(45):
    seventh.append(("ok", R(["{a} {q}","{q}"]).format(a=R(apps+["네이버페이","카카오페이"]),q=R(["결제 되나요?","적립 몇 프로예요?","캐시백 이벤트 언제까지에요?","할인 같이 받을 수 있어요?","추천인 코드 넣는 칸 어디에요?","포인트로 결제 가능?"])) ))
for _ in range(45):
    seventh.append(("ok", R(["{q}","{q} {e}"]).format(q=R(["리뷰 쓰면 적립금 주나요","포토 리뷰 쓰면 쿠폰 준대요","체험단 후기 보고 샀어요","별점 높아서 믿고 삽니다","후기 이벤트 당첨자 언제 나와요","오늘 추첨 경품 뭐예요","저 지난번 경품 당첨돼서 받았어요","경품 배송비 내야 하나요? 문자 왔는데 이상해서","당첨됐다고 링크 오면 누르지 마세요 사기래요","리뷰 작성하면 다음 구매 할인 되나요"]),e=R(["ㅎㅎ","ㅠㅠ","감사해요",""])).strip()))
for _ in range(45):
    seventh.append(("ok", R(["{s} {x}","{x} {s}"]).format(s=R(["코인 떨어져서 속상했는데","주식 파란불이라","부업 끝나고 왔는데","다이어트 중인데","퇴근하고 보는 중인데","월급날이라"]),x=R(["이거 보니 힐링되네요","이건 사야겠어요","호스트님 덕분에 웃어요","장바구니 담았어요","오늘은 참아야지 ㅠㅠ","언니 목소리 좋아요"])) ))
for _ in range(40):
    seventh.append(("ok", R(["{c}","{c} {c2}"]).format(c=R(["ㅋㅋㅋㅋㅋ","🔥🔥🔥","👍👍","대박대박","예뻐요 예뻐요","♡♡♡","와아아","사랑해요 ♥","굿굿","최고최고 ㅎㅎ"]),c2=R(["호스트님","언니","진짜","오늘 방송",""])).strip()))
for _ in range(40):
    seventh.append(("ok", R(["{q}"]).format(q=R(["구매 링크 안 열려요","상품 링크 다시 고정해 주세요","공지에 있는 주소 맞죠?","홈페이지 주소 어디서 봐요","링크 눌렀는데 품절로 떠요","스토어 찜 어떻게 해요","알림 받기 누르면 쿠폰 와요?","라이브 끝나도 이 가격이에요?"])) ))
with open(OUT,"a") as f:
    for l,t in seventh: f.write(f"{l}\t{t}\n")
print(len(seventh))

# seventh round, part two: offers from trades the earlier rounds never named (insurance, phone deals, internet and
# TV sign-ups with cash gifts, rentals, flats for sale, fortune telling, subsidy look-ups, courses, herbal diets),
# viewers promoting their own blog or channel, offers in English, and offers decorated with emoji; with ok chats
# that name the same trades as a buyer would.
random.seed(83)
seventh2=[]
trade=["보험 무료 리모델링 해드려요","실비 보험 비교 무료 상담","휴대폰 성지 시세 공유","최신폰 공짜폰 조건 알려드림","인터넷 TV 가입하면 현금 45만","정수기 렌탈 첫달 무료","안마의자 렌탈 반값","신축 분양 선착순 계약금 천만","오피스텔 분양 수익률 8%","사주 타로 무료로 봐드림","신점 잘 보는 곳 소개","정부 지원금 미수령 조회해보세요","숨은 보험금 찾아드립니다","공무원 인강 평생 무료","영어 회화 한 달 무료 수강","한약 다이어트 한 달 10키로","디톡스 주스 단기간 감량","중고 명품 최고가 매입","금니 은수저 고가 매입","렌터카 장기 렌트 보증금 0원"]
call=["상담은 제 닉 클릭","궁금하면 말 걸어요","필요하신 분 연락 주세요","선착순 열 분","오늘까지만 접수","문의 환영 ㅎㅎ","제 소개란 참고","관심 있는 분 손"]
for _ in range(160):
    seventh2.append(("spam", R(["{t} {c}","{c} {t}","{p} {t} {c}","{t}! {c}"]).format(t=R(trade),c=R(call),p=R(polite)) ))
for _ in range(60):
    seventh2.append(("spam", R(["제 {m}에 {x} {c}","{x} 제 {m} {c}","{m} 새로 시작했어요 {x} {c}"]).format(m=R(["블로그","유튜브 채널","인스타","틱톡","카페","쇼츠 채널"]),x=R(["같은 제품 솔직 후기 있어요","더 싼 구매처 정리해 뒀어요","무료 나눔 이벤트 중","구독자 선물 이벤트해요","할인 코드 뿌려요"]),c=R(["놀러 오세요","구독 부탁해요","들러주세요 ㅎㅎ","한번 봐주세요","맞구독 환영"])) ))
for _ in range(60):
    seventh2.append(("spam", R(["{a} {b}","{b} {a}","{a} {b} {e}"]).format(a=R(["DM me for wholesale price","Check my profile for free gifts","Earn $300 a day from home","Crypto signals group free join","Hot girls near you","Cheap followers and likes","Join my VIP room","Work from phone daily pay"]),b=R(["now","limited","!!","ㅎㅎ","today only","100% real"]),e=R(["🔥","💰","💋","✅"])) ))
for _ in range(60):
    d=R(["💰","🔥","✅","💎","🎁","⭐","💸"])
    seventh2.append(("spam", R(["{d} {o} {d} {c} {d}","{d}{d} {o} {d}{d} {c}","{d} {o} {c}"]).format(d=d,o=R(["하루 10만 확정","무자본 부업","당일 지급 알바","수익 보장 리딩","무료 입장 이벤트","명품 반값 세일","초기 물량 공개"]),c=R(call)) ))
# ok: the same trades named as a buyer would
for _ in range(60):
    seventh2.append(("ok", R(["{q}","{q} {e}"]).format(q=R(["휴대폰 바꿔서 케이스 사러 왔어요","정수기 렌탈 말고 구매도 되나요","보험 처리 되는 제품이에요?","안마의자 렌탈 가능한가요","인터넷 설치 기사님 오셨을 때 이거 샀어요","이사 가는 집에 어울릴까요","한약 먹는 중인데 같이 먹어도 돼요?","다이어트 중이라 칼로리 궁금해요","영어 공부용 책상으로 괜찮을까요","중고로 팔 때 박스 있어야 하죠?","운세에 오늘 지르라고 나왔어요","금 시세 올라서 이건 사도 되겠다","제 블로그에 후기 쓸게요 맛있어요","유튜브에서 리뷰 보고 왔어요"]),e=R(["ㅎㅎ","ㅋㅋ","!",""])).strip()))
for _ in range(50):
    seventh2.append(("ok", R(["{a}","{a} {b}"]).format(a=R(["size M please","is it on sale?","love this color","how much is shipping","what's the material","I bought two!","so cute 🔥","wow nice"]),b=R(["ㅎㅎ","언니","호스트님",""])).strip()))
with open(OUT,"a") as f:
    for l,t in seventh2: f.write(f"{l}\t{t}\n")
print(len(seventh2))


# round 7b, stream chats (ported from round 8b's eighth round, part four, with its seed, so the same 320 lines): a chat
# with nothing the model knows scores about 0.56 on the bias alone, a few hundredths under the hold threshold, so plain
# chats about the broadcast itself sit just under it and round 7 holds "채팅창 내용이 금방 사라져요"; the model had seen
# 채팅 only in abuse and spam (채팅창 insults, 채팅 캡처 offers) and 시 in 시청자 and 시간 offers. Ok chats of a
# viewer's everyday talk about the stream, the chat and the app (starting, restarting, reconnecting, testing, counting
# their own lines) and everyday words that share a curse's syllables (시작, 시발점, 발송, 개시, 신발, 시바견, 18k),
# written from no split line.
random.seed(107)
stream7b=[]
stream=["방송 시작했어요?","방송 언제 시작해요","이제 시작하나요","시작 전부터 대기 중","시작했다 ㅎㅎ","다시 시작하나 봐요","방송 다시 켜졌네요","화면 다시 나와요","앱 재시작하니까 잘 나와요","폰 재부팅하고 왔어요","재접속했어요","새로고침하니까 보여요","잠깐 끊겼었어요","방송 끊겼다가 돌아왔어요","소리 다시 들려요","화면 멈췄어요","렉 걸려요","와이파이가 약해서 끊기네요","알림 보고 들어왔어요","늦게 들어왔어요 처음부터 볼 수 있어요?","다시보기로 봐도 돼요?","방송 끝나고 다시보기 올라와요?","출근 전에 잠깐 봐요","오늘 방송 몇 시까지예요"]
chat=["채팅 잘 올라가요?","제 채팅 보이세요?","채팅 처음 쳐봐요","채팅 읽어주세요","채팅 너무 빨라요","채팅창 잘 보여요","채팅창이 안 움직여요","채팅 다시 되네요","채팅이 안 올라가요","채팅 늦게 떠요","채팅 순서대로 봐주세요","채팅 확인 부탁드려요","아까 채팅 못 보셨나 봐요","채팅 치는 법 알았다 ㅎㅎ","채팅으로 주문돼요?","채팅 말고 댓글로 써요?","채팅창 글씨 크게 못 하나요","채팅 보면서 설명해 주세요"]
test=["테스트","테스트 중","채팅 테스트","테스트 메시지예요","확인용","보이나요 확인","마이크 테스트 하나 둘","소리 테스트 중이세요?","하나 둘 셋","1빠","2등","첫 채팅","두 번째 채팅","세 번째 주문","다시 한 번","저 왔어요","출석 체크","출첵이요"]
words=["시작가 얼마부터예요","시작 가격 다시요","시발점이 어디예요","시발역에서 가까워요?","발송 시작했어요?","발송 언제 돼요","출발했다고 문자 왔어요","오늘 개시 축하해요","개시 손님 되고 싶다","개강 전에 사야지","신발 사이즈 하나 업해요?","신발장 수납 돼요?","시바견 옷도 있어요?","우리 시바 입히면 귀엽겠다","18k 도금이에요?","18k 목걸이 길이 몇 센치","씨앗 호떡 맛있겠다","수박 당도 좋아요?","병아리 색 예쁘다","존재감 있는 색이네","시골 부모님 보내드리려고요","시식 가능해요?","시청 중이에요","시청자 이벤트 언제 해요"]
ends=["","ㅎㅎ","ㅋㅋ","~","!","ㅠㅠ","요"]
for grp, n in ((stream, 90), (chat, 80), (test, 60), (words, 90)):
    for _ in range(n):
        x=R(grp)
        t=R(["{x}","{x} {e}","{p} {x}","{x} {k}"]).format(x=x,e=R(ends),p=R(["언니","사장님","저","와","아",""]),k=random.randint(1,30))
        stream7b.append(("ok", " ".join(t.split())))
with open(OUT,"a") as f:
    for l,t in stream7b: f.write(f"{l}\t{t}\n")
print(len(stream7b))
